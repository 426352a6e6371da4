package com.keyhold.account;

import com.keyhold.user.User;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A user's place in an account: the role that decides what they may do there (SPEC A6), whether
 * access is blocked (A7), the administrators' notes, and a license administrator's keys.
 */
@Entity
@Table(name = "memberships")
@NamedQuery(name = "Membership.ofUser",
        query = "SELECT m FROM Membership m JOIN FETCH m.account a WHERE m.user.id = :userId"
                + " ORDER BY a.type DESC, a.name")
@NamedQuery(name = "Membership.countByAccount",
        query = "SELECT m.account.id, COUNT(m) FROM Membership m WHERE m.account.id IN :accountIds GROUP BY m.account.id")
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private MemberRole role;

    @Column(name = "member_since", nullable = false)
    private Instant memberSince;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MembershipStatus status = MembershipStatus.ACTIVE;

    @Column(length = 2000)
    private String notes;

    /** The keys a license administrator manages (A6); empty for every other role. */
    @ElementCollection
    @CollectionTable(name = "membership_keys", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "key_id", length = 36)
    private Set<String> keyIds = new HashSet<>();

    protected Membership() {
    }

    public Membership(Account account, User user, MemberRole role, Instant now) {
        this.account = account;
        this.user = user;
        this.role = role;
        this.memberSince = now;
    }

    public Account getAccount() {
        return account;
    }

    public User getUser() {
        return user;
    }

    public MemberRole getRole() {
        return role;
    }

    public Instant getMemberSince() {
        return memberSince;
    }

    public Long getId() {
        return id;
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

    public Set<String> getKeyIds() {
        return Set.copyOf(keyIds);
    }

    /** A new role; keys are kept only for a license administrator, who must have at least one. */
    public void changeRole(MemberRole newRole, Collection<String> keys) {
        this.role = newRole;
        keyIds.clear();
        if (newRole == MemberRole.LICENSE_ADMINISTRATOR) {
            keyIds.addAll(keys);
        }
    }

    /**
     * The key is gone (deleted, L7): a license administrator loses it, and one left with no key is a
     * Regular Member again, since a license administrator has at least one key (A6).
     */
    public void loseKey(String keyId) {
        if (keyIds.remove(keyId) && keyIds.isEmpty() && role == MemberRole.LICENSE_ADMINISTRATOR) {
            role = MemberRole.REGULAR_MEMBER;
        }
    }

    public void block() {
        this.status = MembershipStatus.BLOCKED;
    }

    public void unblock() {
        this.status = MembershipStatus.ACTIVE;
    }

    public void describe(String newNotes) {
        this.notes = newNotes;
    }
}
