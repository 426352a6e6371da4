package com.keyhold.subscription;

import com.keyhold.account.AccountAccess;
import com.keyhold.account.Membership;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** An account's view of its subscriptions (SPEC L1, L3): list with display filter, search and sort; rename. */
@Stateless
public class AccountSubscriptions {

    /** The Display filter of the subscriptions list. */
    public enum Display {
        ALL, ACTIVE, EXPIRING_SOON, EXPIRED
    }

    /** The Arrange-by choices. */
    public enum Arrange {
        NAME, START_DATE, END_DATE
    }

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    /** The subscriptions list: account administrators only (A6: members and license administrators never see subscriptions). */
    public List<SubscriptionView> list(String userId, String accountId, Display display, String search, Arrange arrange) {
        return list(userId, accountId, display, search, arrange, false, null);
    }

    /**
     * The list as the product page shows it: of one product (its code; null for all), arranged in either
     * direction; ties broken by id so pages never shuffle.
     */
    public List<SubscriptionView> list(String userId, String accountId, Display display, String search, Arrange arrange,
            boolean descending, String productCode) {
        Membership membership = access.actingMembership(userId, accountId);
        AccountAccess.requireAdministrator(membership);
        LocalDate today = LocalDate.now(clock);
        int soon = expiringSoonDays();
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        Comparator<SubscriptionView> order = switch (arrange == null ? Arrange.END_DATE : arrange) {
            case NAME -> Comparator.comparing(v -> v.getName().toLowerCase(Locale.ROOT));
            case START_DATE -> Comparator.comparing(SubscriptionView::getStartsOn);
            case END_DATE -> Comparator.comparing(SubscriptionView::getEndsOn);
        };
        if (descending) {
            order = order.reversed();
        }
        return em.createQuery("SELECT s FROM Subscription s JOIN FETCH s.product WHERE s.account.id = :account",
                        Subscription.class)
                .setParameter("account", membership.getAccount().getId())
                .getResultStream()
                .filter(s -> productCode == null || s.getProduct().getCode().equals(productCode))
                .map(s -> view(s, today, soon))
                .filter(v -> matches(v.getStatus(), display))
                .filter(v -> needle.isEmpty() || v.getName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(order.thenComparing(SubscriptionView::getId))
                .toList();
    }

    /**
     * The dashboard's product cards (L11): per product of the account, its active subscriptions and
     * its registered (active) and deactivated computers, counted in the database. Every member sees them.
     */
    public List<ProductCard> productCards(String userId, String accountId) {
        String account = access.actingMembership(userId, accountId).getAccount().getId();
        LocalDate today = LocalDate.now(clock);
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.Set<String> fleet = new java.util.HashSet<>();
        em.createQuery("SELECT p.code, p.name, SUM(CASE WHEN s.endsOn >= :today AND s.startsOn <= :today THEN 1 ELSE 0 END), p.kind FROM Subscription s"
                        + " JOIN s.product p WHERE s.account.id = :account GROUP BY p.code, p.name, p.kind", Object[].class)
                .setParameter("account", account).setParameter("today", today)
                .getResultList().forEach(row -> {
                    names.put((String) row[0], (String) row[1]);
                    if (row[3] == ProductKind.PER_MANAGED_MAC) {
                        fleet.add((String) row[0]);
                    }
                    counts.computeIfAbsent((String) row[0], c -> new long[3])[0] = ((Number) row[2]).longValue();
                });
        em.createQuery("SELECT s.product.code, a.status, COUNT(a) FROM Activation a JOIN a.subscription s"
                        + " WHERE s.account.id = :account GROUP BY s.product.code, a.status", Object[].class)
                .setParameter("account", account)
                .getResultList().forEach(row -> {
                    long[] c = counts.computeIfAbsent((String) row[0], code -> new long[3]);
                    c[row[1] == com.keyhold.computer.ActivationStatus.ACTIVE ? 1 : 2] += ((Number) row[2]).longValue();
                });
        // S8: the fleet product's installations are its SCCM proxy servers
        em.createQuery("SELECT s.product.code, p.status, COUNT(p) FROM ProxyServer p JOIN p.subscription s"
                        + " WHERE p.accountId = :account GROUP BY s.product.code, p.status", Object[].class)
                .setParameter("account", account)
                .getResultList().forEach(row -> {
                    long[] c = counts.computeIfAbsent((String) row[0], code -> new long[3]);
                    c[row[1] == com.keyhold.proxy.ProxyStatus.DEACTIVATED ? 2 : 1] += ((Number) row[2]).longValue();
                });
        return counts.entrySet().stream()
                .map(e -> new ProductCard(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2],
                        fleet.contains(e.getKey())))
                .toList();
    }

    /** Turns auto-renewal on or off (L1: account administrators decide; the operator sees it when renewing). */
    public void setAutoRenewal(String userId, String accountId, String subscriptionId, boolean on) {
        Subscription subscription = owned(userId, accountId, subscriptionId);
        AccountAccess.requireAdministrator(access.actingMembership(userId, accountId));
        subscription.setAutoRenewal(on);
    }

    /** The order history and contract details of a subscription (L1). */
    public List<SubscriptionOrder> orders(String userId, String accountId, String subscriptionId) {
        return owned(userId, accountId, subscriptionId).getOrders();
    }

    public String contractDetails(String userId, String accountId, String subscriptionId) {
        return owned(userId, accountId, subscriptionId).getContractDetails();
    }

    public SubscriptionView get(String userId, String accountId, String subscriptionId) {
        return view(owned(userId, accountId, subscriptionId), LocalDate.now(clock), expiringSoonDays());
    }

    public void rename(String userId, String accountId, String subscriptionId, String newName) {
        Subscription subscription = owned(userId, accountId, subscriptionId);
        AccountAccess.requireAdministrator(access.actingMembership(userId, accountId));
        if (newName == null || newName.isBlank() || newName.length() > 200) {
            throw KeyholdException.badRequest("name", "is required, at most 200 characters");
        }
        subscription.rename(newName.strip());
    }

    /**
     * The subscription, if it belongs to the account the caller acts in; otherwise "not found", exactly
     * as if it did not exist (tenancy). Only account administrators may go further (A6: FORBIDDEN for
     * other members, who know the account). Every service reaching a subscription for an account goes here.
     */
    public Subscription owned(String userId, String accountId, String subscriptionId) {
        Membership membership = access.actingMembership(userId, accountId);
        Subscription subscription = subscriptionId == null ? null : em.find(Subscription.class, subscriptionId);
        if (subscription == null || subscription.getAccount() == null
                || !subscription.getAccount().getId().equals(membership.getAccount().getId())) {
            throw KeyholdException.notFound("Subscription");
        }
        AccountAccess.requireAdministrator(membership);
        return subscription;
    }

    private SubscriptionView view(Subscription s, LocalDate today, int soon) {
        List<SubscriptionView.ProductLine> products = new ArrayList<>();
        products.add(new SubscriptionView.ProductLine(s.getProduct().getCode(), s.getProduct().getName(), s.getSeats()));
        s.getAddOns().forEach(a -> products.add(new SubscriptionView.ProductLine(a.getProductCode(),
                em.find(Product.class, a.getProductCode()).getName(), a.getQuantity())));
        return new SubscriptionView(s, SubscriptionStatus.of(s.getStartsOn(), s.getEndsOn(), today, soon), products);
    }

    private static boolean matches(SubscriptionStatus status, Display display) {
        return switch (display == null ? Display.ALL : display) {
            case ALL -> true;
            case ACTIVE -> status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.EXPIRING_SOON;
            case EXPIRING_SOON -> status == SubscriptionStatus.EXPIRING_SOON;
            case EXPIRED -> status == SubscriptionStatus.EXPIRED;
        };
    }

    private static int expiringSoonDays() {
        return ExpiringSoon.days();
    }
}
