package com.keyhold.subscription;

/** A product card of the dashboard (SPEC L11) with its live counts. Getters, for EL 5 pages. */
public final class ProductCard {

    private final String productCode;
    private final String productName;
    private final long activeSubscriptions;
    private final long registeredComputers;
    private final long deactivatedComputers;

    public ProductCard(String productCode, String productName, long activeSubscriptions, long registeredComputers,
            long deactivatedComputers) {
        this.productCode = productCode;
        this.productName = productName;
        this.activeSubscriptions = activeSubscriptions;
        this.registeredComputers = registeredComputers;
        this.deactivatedComputers = deactivatedComputers;
    }

    public String getProductCode() {
        return productCode;
    }

    public String getProductName() {
        return productName;
    }

    public long getActiveSubscriptions() {
        return activeSubscriptions;
    }

    public long getRegisteredComputers() {
        return registeredComputers;
    }

    public long getDeactivatedComputers() {
        return deactivatedComputers;
    }
}
