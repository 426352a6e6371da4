package com.keyhold.user;

import java.util.Set;

/**
 * Who is calling, as the authentication layer needs it: the user id (the principal name), the
 * groups the container is told about, and whether the one-time password still has to be changed.
 */
public record CallerIdentity(String userId, boolean operator, boolean mustChangePassword) {

    public static final String GROUP_USER = "user";
    public static final String GROUP_OPERATOR = "operator";

    public Set<String> groups() {
        return operator ? Set.of(GROUP_USER, GROUP_OPERATOR) : Set.of(GROUP_USER);
    }
}
