package com.keyhold.account;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A member as the Users list and the membership dialog show them (SPEC A7). A serializable class with
 * getters, so view-scoped pages can keep it and Expression Language can read it.
 */
public class MemberView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String userId;
    private final String firstName;
    private final String lastName;
    private final String email;
    private final MemberRole role;
    private final MembershipStatus status;
    private final String notes;
    private final Instant memberSince;
    private final List<String> keyIds;

    MemberView(Membership m) {
        this.userId = m.getUser().getId();
        this.firstName = m.getUser().getFirstName();
        this.lastName = m.getUser().getLastName();
        this.email = m.getUser().getEmail();
        this.role = m.getRole();
        this.status = m.getStatus();
        this.notes = m.getNotes();
        this.memberSince = m.getMemberSince();
        this.keyIds = m.getKeyIds().stream().sorted().toList();
    }

    public String getUserId() {
        return userId;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getDisplayName() {
        return firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public MemberRole getRole() {
        return role;
    }

    public MembershipStatus getStatus() {
        return status;
    }

    public boolean isBlocked() {
        return status == MembershipStatus.BLOCKED;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getMemberSince() {
        return memberSince;
    }

    public List<String> getKeyIds() {
        return keyIds;
    }
}
