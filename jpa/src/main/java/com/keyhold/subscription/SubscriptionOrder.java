package com.keyhold.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a subscription's order history: issued, renewed, seats changed (SPEC L1, O1). */
@Entity
@Table(name = "subscription_orders")
public class SubscriptionOrder {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(nullable = false, length = 500)
    private String description;

    @Column(name = "happened_at", nullable = false)
    private Instant happenedAt;

    protected SubscriptionOrder() {
    }

    SubscriptionOrder(Subscription subscription, String kind, String description, Instant happenedAt) {
        this.subscription = subscription;
        this.kind = kind;
        this.description = description;
        this.happenedAt = happenedAt;
    }

    public String getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public Instant getHappenedAt() {
        return happenedAt;
    }
}
