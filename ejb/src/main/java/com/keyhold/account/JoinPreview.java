package com.keyhold.account;

import java.io.Serializable;

/** What the join page shows before the invitee acts (SPEC A5): which account, for which email, and whether they already have a user. */
public class JoinPreview implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String accountName;
    private final String email;
    private final boolean existingUser;

    JoinPreview(String accountName, String email, boolean existingUser) {
        this.accountName = accountName;
        this.email = email;
        this.existingUser = existingUser;
    }

    public String getAccountName() {
        return accountName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isExistingUser() {
        return existingUser;
    }
}
