package com.keyhold.subscription;

import java.time.LocalDate;
import java.util.List;

/** A subscription as its account's lists and details show it (SPEC L1, L3). Getters, for EL 5 pages. */
public final class SubscriptionView {

    /** A product line of the subscription: the main product or an add-on with its quantity. */
    public record ProductLine(String code, String name, int quantity) {
        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public int getQuantity() {
            return quantity;
        }
    }

    private final String id;
    private final String name;
    private final String productCode;
    private final String productName;
    private final int seats;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final SubscriptionStatus status;
    private final boolean autoRenewal;
    private final boolean trial;
    private final List<ProductLine> products;
    private final boolean proxyLicensed;

    public SubscriptionView(Subscription s, SubscriptionStatus status, List<ProductLine> products) {
        this.proxyLicensed = s.getProduct().getKind() == ProductKind.PER_MANAGED_MAC;
        this.id = s.getId();
        this.name = s.getName();
        this.productCode = s.getProduct().getCode();
        this.productName = s.getProduct().getName();
        this.seats = s.getSeats();
        this.startsOn = s.getStartsOn();
        this.endsOn = s.getEndsOn();
        this.status = status;
        this.autoRenewal = s.isAutoRenewal();
        this.trial = s.isTrial();
        this.products = List.copyOf(products);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The fleet product (S1): activated by SCCM proxy servers, its sublicenses reserved only. */
    public boolean isProxyLicensed() {
        return proxyLicensed;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getProductName() {
        return productName;
    }

    public int getSeats() {
        return seats;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public SubscriptionStatus getStatus() {
        return status;
    }

    public boolean isAutoRenewal() {
        return autoRenewal;
    }

    public boolean isTrial() {
        return trial;
    }

    public List<ProductLine> getProducts() {
        return products;
    }
}
