package com.keyhold.subscription;

import com.keyhold.account.Account;
import com.keyhold.account.AccountType;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The operator's side of subscriptions (SPEC O1): issue, renew, change seats. */
@Stateless
public class SubscriptionService {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @EJB
    SeatLedger seatLedger;

    @EJB
    OperatorAccess operators;

    @EJB
    ActivityLog activityLog;

    /** Every subscription, newest first, for the operator's list (O1: operators see all accounts). */
    public List<OperatorSubscriptionRow> all(String operatorId, String search, int page, int size) {
        operators.require(operatorId);
        String needle = search == null || search.isBlank() ? null : "%" + search.strip().toLowerCase(java.util.Locale.ROOT) + "%";
        jakarta.persistence.TypedQuery<Subscription> query = em.createQuery("SELECT s FROM Subscription s LEFT JOIN s.account a"
                        + (needle == null ? "" : " WHERE LOWER(s.name) LIKE :q OR LOWER(a.name) LIKE :q")
                        + " ORDER BY s.createdAt DESC, s.id", Subscription.class);
        if (needle != null) {
            query.setParameter("q", needle);
        }
        return query
                .setFirstResult(Math.max(0, page) * Math.max(1, Math.min(size, 500)))
                .setMaxResults(Math.max(1, Math.min(size, 500)))
                .getResultStream()
                .map(sub -> new OperatorSubscriptionRow(sub.getId(), sub.getName(), sub.getProduct().getName(),
                        sub.getAccount() == null ? null : sub.getAccount().getName(), sub.getSeats(), sub.getStartsOn(),
                        sub.getEndsOn(), sub.isTrial(), sub.isAutoRenewal(),
                        sub.getAccount() == null ? null : sub.getAccount().getId(),
                        sub.getAccount() != null && sub.getAccount().isOfflineOperations(),
                        sub.getProduct().getKind() == ProductKind.PER_MANAGED_MAC))
                .toList();
    }

    /** The catalogue's licensed products (not add-ons), for the operator's form. */
    public List<Product> licensedProducts() {
        operators.requireOperator();
        return em.createQuery("SELECT p FROM Product p WHERE p.kind <> com.keyhold.subscription.ProductKind.ADD_ON ORDER BY p.name",
                Product.class).getResultList();
    }

    public List<Product> addOnProducts() {
        operators.requireOperator();
        return em.createQuery("SELECT p FROM Product p WHERE p.kind = com.keyhold.subscription.ProductKind.ADD_ON ORDER BY p.name",
                Product.class).getResultList();
    }

    /** Issues a subscription with its primary key; the key is returned this once. */
    public IssuedSubscription issue(String operatorId, IssueSubscription request) {
        operators.require(operatorId);
        List<Violation> violations = new ArrayList<>(Validation.violationsOf(validator, request));
        if (request.startsAt() != null && request.endsAt() != null && request.endsAt().isBefore(request.startsAt())) {
            violations.add(new Violation("endsAt", "must not be before startsAt"));
        }
        Product product = request.product() == null ? null : em.find(Product.class, request.product());
        if (request.product() != null && (product == null || product.getKind() == ProductKind.ADD_ON)) {
            violations.add(new Violation("product", "is not a licensed product of the catalogue"));
        }
        List<Product> addOns = new ArrayList<>();
        if (request.addOns() != null) {
            for (IssueSubscription.AddOn addOn : request.addOns()) {
                Product found = addOn == null || addOn.product() == null ? null : em.find(Product.class, addOn.product());
                if (found == null || found.getKind() != ProductKind.ADD_ON || addOn.quantity() < 1) {
                    violations.add(new Violation("addOns", "each add-on needs an add-on product and a quantity of at least 1"));
                } else {
                    addOns.add(found);
                }
            }
        }
        boolean sso = "SSO".equals(request.licenseType());
        Account owner = null;
        if (request.licenseType() != null && !sso && !"KEY".equals(request.licenseType())) {
            violations.add(new Violation("licenseType", "must be KEY or SSO"));
        }
        if (sso) {
            // O2: the corporate license type is issued straight to a business account, for the desktop product
            if (product != null && product.getKind() != ProductKind.PER_COMPUTER) {
                violations.add(new Violation("licenseType", "SSO is for the desktop (per-computer) product"));
            }
            if (request.seats() < LicenseType.SSO_MINIMUM_SEATS) {
                violations.add(new Violation("seats", "an SSO subscription has at least " + LicenseType.SSO_MINIMUM_SEATS + " seats"));
            }
            owner = request.accountId() == null ? null : em.find(Account.class, request.accountId(), LockModeType.PESSIMISTIC_WRITE);
            if (owner == null || owner.getType() != AccountType.BUSINESS) {
                violations.add(new Violation("accountId", "an SSO subscription needs the id of a business account"));
            } else if (product != null && hasLiveCorporateSubscription(owner, product, request.startsAt())) {
                violations.add(new Violation("licenseType",
                        "the account already has an SSO subscription of this product that has not ended"));
            }
        } else if (request.accountId() != null) {
            violations.add(new Violation("accountId", "is only for SSO subscriptions (a key is registered by the customer)"));
        }
        Validation.require(violations);
        Instant now = clock.instant();
        String name = request.name() == null || request.name().isBlank()
                ? defaultName(product, request.seats(), request.endsAt()) : request.name().strip();
        Subscription subscription = new Subscription(product, name, request.seats(), request.startsAt(),
                request.endsAt(), request.autoRenewal(), request.trial(), request.contractDetails(), now);
        for (int i = 0; i < addOns.size(); i++) {
            subscription.addAddOn(addOns.get(i), request.addOns().get(i).quantity());
        }
        // an SSO subscription keeps a primary key as its seat pool, but it is never shown: its computers
        // activate by ID token, and a key value typed anywhere is refused for it (ActivationService)
        String keyValue = LicenseKeyFormat.generate();
        if (sso) {
            subscription.useSingleSignOn();
            subscription.registerTo(owner);
        }
        em.persist(subscription);
        em.persist(LicenseKey.primary(subscription, keyValue, now));
        activityLog.record(subscription.getAccount() == null ? null : subscription.getAccount().getId(),
                ActivityActions.SUBSCRIPTION_ISSUED, ActivityActions.SUBSCRIPTION, subscription.getId(),
                "subscription '" + name + "' issued: " + product.getCode() + ", " + request.seats() + " seats, "
                        + request.startsAt() + " to " + request.endsAt() + (request.trial() ? ", trial" : "")
                        + (sso ? ", SSO (corporate activation)" : ", primary key " + LicenseKeyFormat.mask(keyValue)));
        return new IssuedSubscription(subscription.getId(), sso ? null : keyValue);
    }

    /** Extends the end date (O1); a renewal never shortens a subscription. */
    public void renew(String operatorId, String subscriptionId, LocalDate newEnd) {
        operators.require(operatorId);
        if (newEnd == null) {
            throw KeyholdException.badRequest("endsAt", "is required");
        }
        Subscription subscription = lock(subscriptionId);
        if (!newEnd.isAfter(subscription.getEndsOn())) {
            throw KeyholdException.badRequest("endsAt", "must be after the current end date " + subscription.getEndsOn());
        }
        LocalDate oldEnd = subscription.getEndsOn();
        subscription.renewUntil(newEnd, clock.instant());
        activityLog.record(accountOf(subscription), ActivityActions.SUBSCRIPTION_RENEWED, ActivityActions.SUBSCRIPTION,
                subscription.getId(), "subscription '" + subscription.getName() + "' renewed: ends " + oldEnd + " -> " + newEnd);
    }

    /** Sets the seat total; never below what reserved keys hold plus what the pool uses (L6). */
    public void changeSeats(String operatorId, String subscriptionId, int newSeats) {
        operators.require(operatorId);
        Subscription subscription = lock(subscriptionId);
        seatLedger.poolOf(subscription).requireSeatTotal(newSeats);
        int oldSeats = subscription.getSeats();
        subscription.changeSeats(newSeats, clock.instant());
        activityLog.record(accountOf(subscription), ActivityActions.SUBSCRIPTION_SEATS_CHANGED, ActivityActions.SUBSCRIPTION,
                subscription.getId(), "subscription '" + subscription.getName() + "': seats " + oldSeats + " -> " + newSeats);
    }

    /** O2: one SSO subscription per account and product that has not ended by the new one's start. */
    private boolean hasLiveCorporateSubscription(Account account, Product product, LocalDate startsAt) {
        return !em.createQuery("SELECT s.id FROM Subscription s WHERE s.account = :account AND s.product = :product"
                        + " AND s.licenseType = com.keyhold.subscription.LicenseType.SSO AND s.endsOn >= :startsAt", String.class)
                .setParameter("account", account).setParameter("product", product)
                .setParameter("startsAt", startsAt == null ? LocalDate.now(clock) : startsAt).setMaxResults(1)
                .getResultList().isEmpty();
    }

    private static String accountOf(Subscription subscription) {
        return subscription.getAccount() == null ? null : subscription.getAccount().getId();
    }

    private Subscription lock(String subscriptionId) {
        Subscription subscription = subscriptionId == null ? null
                : em.find(Subscription.class, subscriptionId, LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null) {
            throw KeyholdException.notFound("Subscription");
        }
        return subscription;
    }

    private static String defaultName(Product product, int seats, LocalDate endsAt) {
        String unit = product.getKind() == ProductKind.PER_MANAGED_MAC ? "managed Macs" : "computers";
        return product.getName() + " - " + seats + " " + unit + " - valid till " + endsAt;
    }

}
