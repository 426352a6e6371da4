package com.keyhold.account;

import com.keyhold.user.User;
import jakarta.persistence.Column;
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

/** A user's place in an account: the role that decides what they may do there (SPEC A6). */
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
}
