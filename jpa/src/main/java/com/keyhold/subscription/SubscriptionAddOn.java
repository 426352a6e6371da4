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

/** An add-on product riding along with a subscription, with its own quantity (SPEC L1). */
@Entity
@Table(name = "subscription_add_ons")
public class SubscriptionAddOn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "subscription_id")
    private Subscription subscription;

    @Column(name = "product_code", nullable = false, length = 32)
    private String productCode;

    @Column(nullable = false)
    private int quantity;

    protected SubscriptionAddOn() {
    }

    SubscriptionAddOn(Subscription subscription, String productCode, int quantity) {
        this.subscription = subscription;
        this.productCode = productCode;
        this.quantity = quantity;
    }

    public String getProductCode() {
        return productCode;
    }

    public int getQuantity() {
        return quantity;
    }
}
