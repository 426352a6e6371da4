package com.keyhold.subscription;

import com.keyhold.account.Account;
import com.keyhold.persistence.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A subscription issued by the operator (SPEC L1): seats of its main product, add-ons, a validity
 * from the start date through the end date (23:59:59 UTC), an auto-renewal flag and an order
 * history. Registering its primary key attaches it to an account (L2).
 */
@Entity
@Table(name = "subscriptions")
public class Subscription {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "product_code")
    private Product product;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false)
    private int seats;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "auto_renewal", nullable = false)
    private boolean autoRenewal;

    @Column(nullable = false)
    private boolean trial;

    @Enumerated(EnumType.STRING)
    @Column(name = "license_type", nullable = false, length = 8)
    private LicenseType licenseType = LicenseType.KEY;

    @Column(name = "contract_details", length = 2000)
    private String contractDetails;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @OneToMany(mappedBy = "subscription", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("productCode")
    private List<SubscriptionAddOn> addOns = new ArrayList<>();

    @OneToMany(mappedBy = "subscription", cascade = CascadeType.ALL)
    @OrderBy("happenedAt")
    private List<SubscriptionOrder> orders = new ArrayList<>();

    @Version
    private long version;

    protected Subscription() {
    }

    public Subscription(Product product, String name, int seats, LocalDate startsOn, LocalDate endsOn,
            boolean autoRenewal, boolean trial, String contractDetails, Instant now) {
        this.id = Ids.newId();
        this.product = Objects.requireNonNull(product);
        this.name = name;
        this.seats = seats;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.autoRenewal = autoRenewal;
        this.trial = trial;
        this.contractDetails = contractDetails;
        this.createdAt = now;
        this.orders.add(new SubscriptionOrder(this, "ISSUED", "Issued for " + seats + " seats, "
                + startsOn + " to " + endsOn + (trial ? " (trial)" : ""), now, seats, startsOn, endsOn, trial));
    }

    public void addAddOn(Product addOn, int quantity) {
        addOns.add(new SubscriptionAddOn(this, addOn.getCode(), quantity));
    }

    /**
     * E1: records in the order history that the subscription expired at its end date, once per end
     * date (the clock already decided it; nothing else changes).
     *
     * @return whether an entry was added
     */
    public boolean recordExpiry(Instant now) {
        String description = "Expired at the end of " + endsOn;
        if (orders.stream().anyMatch(o -> o.getKind().equals("EXPIRED") && o.getDescription().equals(description))) {
            return false;
        }
        orders.add(new SubscriptionOrder(this, "EXPIRED", description, now, endsOn));
        return true;
    }

    /** E1: records that one of its keys expired before the subscription did, once per key and date. */
    public boolean recordKeyExpiry(String keyName, java.time.LocalDate expiredOn, Instant now) {
        String description = "Key '" + keyName + "' expired at the end of " + expiredOn;
        if (orders.stream().anyMatch(o -> o.getKind().equals("KEY_EXPIRED") && o.getDescription().equals(description))) {
            return false;
        }
        orders.add(new SubscriptionOrder(this, "KEY_EXPIRED", description, now, keyName, expiredOn));
        return true;
    }

    /** Extends the end date (O1), recorded in the order history. */
    public void renewUntil(LocalDate newEnd, Instant now) {
        orders.add(new SubscriptionOrder(this, "RENEWED", "Renewed from " + endsOn + " to " + newEnd, now, endsOn, newEnd));
        this.endsOn = newEnd;
    }

    /** Sets the seat total (O1); the caller has checked it against the keys (L6). */
    public void changeSeats(int newSeats, Instant now) {
        orders.add(new SubscriptionOrder(this, "SEATS_CHANGED", "Seats changed from " + seats + " to " + newSeats, now,
                seats, newSeats));
        this.seats = newSeats;
    }

    /** O2: made a corporate (SSO) subscription at issue; the caller has checked product, seats and account. */
    public void useSingleSignOn() {
        this.licenseType = LicenseType.SSO;
    }

    public LicenseType getLicenseType() {
        return licenseType;
    }

    public boolean isSingleSignOn() {
        return licenseType == LicenseType.SSO;
    }

    public void registerTo(Account owner) {
        this.account = owner;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    public void setAutoRenewal(boolean autoRenewal) {
        this.autoRenewal = autoRenewal;
    }

    public boolean hasStarted(LocalDate today) {
        return !today.isBefore(startsOn);
    }

    /** Valid through the end date (L1): expired from the next day on. */
    public boolean isExpired(LocalDate today) {
        return today.isAfter(endsOn);
    }

    /** The instant validity ends: the day after the end date, 00:00 UTC. */
    public Instant expiresAt() {
        return endsOn.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public String getId() {
        return id;
    }

    public Product getProduct() {
        return product;
    }

    public Account getAccount() {
        return account;
    }

    public String getName() {
        return name;
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

    public boolean isAutoRenewal() {
        return autoRenewal;
    }

    public boolean isTrial() {
        return trial;
    }

    public String getContractDetails() {
        return contractDetails;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<SubscriptionAddOn> getAddOns() {
        return List.copyOf(addOns);
    }

    public List<SubscriptionOrder> getOrders() {
        return List.copyOf(orders);
    }
}
