package com.keyhold.subscription;

import java.time.LocalDate;

/** A subscription in the operator's list. Getters, for EL 5 pages. */
public final class OperatorSubscriptionRow {

    private final String id;
    private final String name;
    private final String product;
    private final String accountName;
    private final int seats;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final boolean trial;
    private final boolean autoRenewal;
    private final String accountId;
    private final boolean offlineOperations;
    private final boolean proxyLicensed;

    public OperatorSubscriptionRow(String id, String name, String product, String accountName, int seats,
            LocalDate startsOn, LocalDate endsOn, boolean trial, boolean autoRenewal) {
        this(id, name, product, accountName, seats, startsOn, endsOn, trial, autoRenewal, null, false, false);
    }

    /** With the account's offline switch (SPEC S3), shown on the rows of the fleet product. */
    public OperatorSubscriptionRow(String id, String name, String product, String accountName, int seats,
            LocalDate startsOn, LocalDate endsOn, boolean trial, boolean autoRenewal, String accountId,
            boolean offlineOperations, boolean proxyLicensed) {
        this.accountId = accountId;
        this.offlineOperations = offlineOperations;
        this.proxyLicensed = proxyLicensed;
        this.id = id;
        this.name = name;
        this.product = product;
        this.accountName = accountName;
        this.seats = seats;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.trial = trial;
        this.autoRenewal = autoRenewal;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getProduct() {
        return product;
    }

    /** Null until the primary key is registered. */
    public String getAccountName() {
        return accountName;
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

    public boolean isTrial() {
        return trial;
    }

    public boolean isAutoRenewal() {
        return autoRenewal;
    }

    public String getAccountId() {
        return accountId;
    }

    public boolean isOfflineOperations() {
        return offlineOperations;
    }

    public boolean isProxyLicensed() {
        return proxyLicensed;
    }
}
