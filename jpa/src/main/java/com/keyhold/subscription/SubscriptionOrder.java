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

/**
 * One line of a subscription's order history: issued, renewed, seats changed (SPEC L1, O1). Pages show
 * it from its {@link #getKind() kind} and {@link #getArguments() values} in the reader's language; the
 * English description is for the API and for lines older than the values (V13).
 */
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

    /** The values the description names, in order, joined by {@link #SEPARATOR}; null on lines written before V13. */
    @Column(length = 500)
    private String arguments;

    static final String SEPARATOR = "\u001f";

    protected SubscriptionOrder() {
    }

    SubscriptionOrder(Subscription subscription, String kind, String description, Instant happenedAt, Object... arguments) {
        this.subscription = subscription;
        this.kind = kind;
        this.description = description;
        this.happenedAt = happenedAt;
        this.arguments = arguments.length == 0 ? null : java.util.Arrays.stream(arguments).map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(SEPARATOR));
    }

    /** The values of the line (dates as ISO text), empty for lines written before they were kept. */
    public java.util.List<String> getArguments() {
        return arguments == null ? java.util.List.of() : java.util.List.of(arguments.split(SEPARATOR, -1));
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
