package com.keyhold.subscription;

import com.keyhold.account.Account;
import com.keyhold.account.AccountAccess;
import com.keyhold.account.AccountType;
import com.keyhold.account.CompanyDetails;
import com.keyhold.account.CompanyValidation;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.account.SupportCodes;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.user.User;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registering a subscription's primary key to an account (SPEC L2, A2). A key registers to one
 * account only; a business key registered from the personal account creates a business account
 * whose administrator the registering user becomes.
 */
@Stateless
public class RegistrationService {

    /** The result: where the subscription now lives. */
    public record Registered(String accountId, String subscriptionId) {
    }

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    ActivityLog activityLog;

    public Registered register(String userId, String chosenAccountId, String key, String name, CompanyDetails company) {
        String keyValue = LicenseKeyFormat.normalize(key)
                .orElseThrow(() -> new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid."));
        LicenseKey licenseKey = em.createNamedQuery("LicenseKey.byValue", LicenseKey.class)
                .setParameter("value", keyValue).getResultStream()
                .filter(k -> k.getType() == KeyType.PRIMARY)
                .findFirst()
                .orElseThrow(() -> new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid."));
        Subscription subscription = em.find(Subscription.class, licenseKey.getSubscription().getId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (subscription.getAccount() != null) {
            throw new KeyholdException(ErrorCode.KEY_ALREADY_REGISTERED, "This license key is already registered.");
        }
        boolean businessProduct = subscription.getProduct().isBusiness();
        Membership acting = access.actingMembership(userId, chosenAccountId);
        Account target;
        // CONTRACT section 6: choosing the personal account behaves as choosing none (a business key then
        // creates the business account, as the page does from the personal account's dashboard)
        boolean intoChosenBusiness = chosenAccountId != null && !chosenAccountId.isBlank()
                && acting.getAccount().getType() == AccountType.BUSINESS;
        if (intoChosenBusiness) {
            AccountAccess.requireAdministrator(acting);
            if (businessProduct != (acting.getAccount().getType() == AccountType.BUSINESS)) {
                throw KeyholdException.badRequest("key", businessProduct
                        ? "a business product registers into a business account"
                        : "a personal product registers into the personal account");
            }
            target = acting.getAccount();
        } else if (businessProduct) {
            target = createBusinessAccount(userId, company);
        } else {
            target = personalAccountOf(userId);
        }
        subscription.registerTo(target);
        // Computers activated before the registration now belong to the account (the subscription's row lock
        // keeps activations of this subscription out until commit).
        em.createNamedQuery("Activation.assignAccount")
                .setParameter("accountId", target.getId())
                .setParameter("subscriptionId", subscription.getId())
                .executeUpdate();
        em.createNamedQuery("ProxyServer.assignAccount")
                .setParameter("accountId", target.getId())
                .setParameter("subscriptionId", subscription.getId())
                .executeUpdate();
        if (name != null && !name.isBlank()) {
            if (name.length() > 200) {
                throw KeyholdException.badRequest("name", "must be at most 200 characters long");
            }
            subscription.rename(name.strip());
        }
        boolean created = (chosenAccountId == null || chosenAccountId.isBlank()) && businessProduct;
        activityLog.record(target.getId(), ActivityActions.SUBSCRIPTION_REGISTERED, ActivityActions.SUBSCRIPTION,
                subscription.getId(), "subscription '" + subscription.getName() + "' registered with key "
                        + LicenseKeyFormat.mask(keyValue) + (created ? " into the new business account '" + target.getName() + "'" : ""));
        return new Registered(target.getId(), subscription.getId());
    }

    private Account createBusinessAccount(String userId, CompanyDetails company) {
        List<Violation> violations = CompanyValidation.check(company);
        if (company == null) {
            violations = List.of(new Violation("company", "is required to register a business key"));
        }
        Validation.require(violations);
        Instant now = clock.instant();
        Account account = Account.business(company, uniqueSupportCode(), now);
        em.persist(account);
        em.persist(new Membership(account, em.getReference(User.class, userId), MemberRole.ACCOUNT_ADMINISTRATOR, now));
        return account;
    }

    private String uniqueSupportCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = SupportCodes.generate();
            Long taken = em.createQuery("SELECT COUNT(a) FROM Account a WHERE a.supportCode = :code", Long.class)
                    .setParameter("code", code).getSingleResult();
            if (taken == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free support code after 20 attempts");
    }

    private Account personalAccountOf(String userId) {
        return em.createNamedQuery("Membership.ofUser", Membership.class).setParameter("userId", userId)
                .getResultStream().map(Membership::getAccount)
                .filter(a -> a.getType() == AccountType.PERSONAL)
                .findFirst().orElseThrow(() -> KeyholdException.notFound("Account"));
    }
}
