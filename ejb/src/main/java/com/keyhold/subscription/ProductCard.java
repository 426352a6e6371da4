package com.keyhold.subscription;

/**
 * A product card of the dashboard (SPEC L11) with its live counts. Getters, for EL 5 pages. For the
 * fleet product ({@link #isProxyServers()}) the "computers" counts are its SCCM proxy servers (S8):
 * registered (active or pending release) and deactivated.
 */
public final class ProductCard {

    private final String productCode;
    private final String productName;
    private final long activeSubscriptions;
    private final long registeredComputers;
    private final long deactivatedComputers;
    private final boolean proxyServers;

    public ProductCard(String productCode, String productName, long activeSubscriptions, long registeredComputers,
            long deactivatedComputers, boolean proxyServers) {
        this.proxyServers = proxyServers;
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

    /** Whether the product is activated by SCCM proxy servers, so the counts are proxies, not computers. */
    public boolean isProxyServers() {
        return proxyServers;
    }
}
