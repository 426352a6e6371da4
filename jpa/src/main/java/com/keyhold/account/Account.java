package com.keyhold.account;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A personal or business account: the unit of tenancy, owning subscriptions, keys and computers. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @Column(length = 36)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountType type;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() {
    }

    private Account(AccountType type, String name, Instant now) {
        this.id = Ids.newId();
        this.type = type;
        this.name = Objects.requireNonNull(name).strip();
        this.createdAt = now;
    }

    public static Account personal(String ownerDisplayName, Instant now) {
        return new Account(AccountType.PERSONAL, ownerDisplayName, now);
    }

    public String getId() {
        return id;
    }

    public AccountType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
