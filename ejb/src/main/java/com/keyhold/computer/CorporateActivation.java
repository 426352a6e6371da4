package com.keyhold.computer;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Outages;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.scim.ScimUser;
import com.keyhold.security.SecretTokens;
import com.keyhold.sso.IdTokenClaims;
import com.keyhold.sso.IdTokenVerifier;
import com.keyhold.sso.IdentityProvider;
import com.keyhold.sso.IdentityProviderService;
import com.keyhold.sso.SigningKeys;
import com.keyhold.subscription.ProductKind;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Corporate (SSO) activation (SPEC O2, CONTRACT section 2): a client presents an ID token of its
 * user instead of a key. The token's issuer and audience choose the account's identity provider,
 * whose keys must verify it ({@link IdTokenVerifier}); the computer then takes a seat of that
 * account's corporate subscription. The user must not be deprovisioned, must be in the required
 * group when the account has one, and may hold at most the provider's per-user number of active
 * computers ({@code USER_LIMIT_REACHED}). Seats and the per-user count are decided under the
 * subscription's lock, and the SCIM user's row is read with a lock too, so that a deprovisioning
 * committed at the same moment either refuses this activation or revokes it.
 */
@Stateless
public class CorporateActivation {

    private static final Logger LOG = Logger.getLogger(CorporateActivation.class.getName());
    private static final String TOKEN_PREFIX = "kha_";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    SeatLedger seatLedger;

    @EJB
    IdentityProviderService providers;

    @EJB
    ActivationService activations;

    public ClientLicense activate(ActivationRequest request) {
        Instant now = clock.instant();
        IdentityProvider provider;
        IdTokenClaims person;
        try {
            IdTokenVerifier.Addressee addressee = IdTokenVerifier.addresseeOf(request.idToken());
            provider = addressee.audiences().stream().limit(10).map(audience -> em.createNamedQuery(
                            "IdentityProvider.byIssuerAndAudience", IdentityProvider.class)
                    .setParameter("issuer", addressee.issuer()).setParameter("audience", audience)
                    .getResultStream().findFirst()).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new IdTokenVerifier.Refused("no identity provider for " + addressee));
            person = IdTokenVerifier.verify(request.idToken(), provider.getIssuer(), provider.getAudience(),
                    providers.signingKeysOf(provider), now);
        } catch (IdTokenVerifier.Refused refused) {
            LOG.fine(() -> "ID token refused: " + refused.getMessage());
            throw new KeyholdException(ErrorCode.UNAUTHORIZED, "The ID token is not valid for corporate activation.");
        } catch (SigningKeys.IdentityProviderUnreachable unreachable) {
            LOG.warning(unreachable.getMessage());
            throw Outages.serviceUnavailable("The identity provider's signing keys cannot be fetched; try again shortly.");
        }
        String accountId = provider.getAccountId();
        Subscription subscription = corporateSubscription(accountId);
        LocalDate today = LocalDate.now(clock);
        em.refresh(subscription, LockModeType.PESSIMISTIC_WRITE);
        LicenseKey key = em.createQuery("SELECT k FROM LicenseKey k WHERE k.subscription = :s AND k.type = :primary",
                LicenseKey.class).setParameter("s", subscription).setParameter("primary", KeyType.PRIMARY).getSingleResult();
        activations.requireActivatable(subscription, key, request.hardwareId(), today);
        requireAllowed(accountId, provider, person);
        Optional<Activation> existing = activations.existingActivation(subscription, request.hardwareId());
        existing.ifPresent(em::refresh);
        boolean activeForThisUser = existing.isPresent() && existing.get().getStatus() == ActivationStatus.ACTIVE
                && person.subject().equals(existing.get().getSsoSubject());
        if (!activeForThisUser) {
            long held = em.createQuery("SELECT COUNT(a) FROM Activation a WHERE a.subscription = :s AND a.status = :active"
                            + " AND a.ssoSubject = :subject", Long.class)
                    .setParameter("s", subscription).setParameter("active", ActivationStatus.ACTIVE)
                    .setParameter("subject", person.subject()).getSingleResult();
            if (held >= provider.getPerUserLimit()) {
                throw new KeyholdException(ErrorCode.USER_LIMIT_REACHED, "This user has already activated "
                        + provider.getPerUserLimit() + " computers; deactivate one first.");
            }
        }
        String token = SecretTokens.generate(TOKEN_PREFIX);
        Activation activation;
        boolean created = existing.isEmpty();
        if (created) {
            seatLedger.poolOf(subscription).requireSeatFor(key.getId());
            activation = new Activation(subscription, key, request.hardwareId(), SecretTokens.hash(token), request.details(),
                    person.shownAs(), now);
            em.persist(activation);
        } else {
            activation = existing.get();
            if (activation.getStatus() != ActivationStatus.ACTIVE) {
                seatLedger.poolOf(subscription).requireSeatFor(key.getId());
            }
            activation.activate(key, SecretTokens.hash(token), request.details(), now);
        }
        activation.activatedAs(person.subject(), person.email(), person.login(), person.shownAs());
        return activations.license(activation, ClientStatus.ACTIVE, token, created, now);
    }

    /** The account's corporate desktop subscription: the one ending last (O1 allows one active per account and product). */
    private Subscription corporateSubscription(String accountId) {
        List<Subscription> found = em.createQuery("SELECT s FROM Subscription s WHERE s.account.id = :accountId"
                        + " AND s.licenseType = com.keyhold.subscription.LicenseType.SSO AND s.product.kind = :kind"
                        + " ORDER BY s.endsOn DESC, s.id", Subscription.class)
                .setParameter("accountId", accountId).setParameter("kind", ProductKind.PER_COMPUTER)
                .setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            throw new KeyholdException(ErrorCode.INVALID_KEY, "This organisation has no corporate subscription.");
        }
        return found.get(0);
    }

    /**
     * O3: a deprovisioned user may not activate; with a required group (O2), only its members may.
     * The SCIM user's row is locked so that a concurrent deprovisioning is ordered with this activation.
     */
    private void requireAllowed(String accountId, IdentityProvider provider, IdTokenClaims person) {
        List<String> names = new java.util.ArrayList<>();
        if (person.email() != null) {
            names.add(person.email());
        }
        if (person.login() != null) {
            names.add(person.login());
        }
        List<ScimUser> users;
        if (!names.isEmpty()) {
            users = em.createQuery("SELECT u FROM ScimUser u WHERE u.accountId = :accountId AND (u.externalId = :subject"
                            + " OR (u.externalId IS NULL AND u.userNameKey IN :names))", ScimUser.class)
                    .setParameter("accountId", accountId).setParameter("subject", person.subject())
                    .setParameter("names", names).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        } else {
            users = em.createQuery("SELECT u FROM ScimUser u WHERE u.accountId = :accountId AND u.externalId = :subject",
                            ScimUser.class).setParameter("accountId", accountId).setParameter("subject", person.subject())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
        if (users.stream().anyMatch(u -> !u.isActive())) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "This user has been deprovisioned by the organisation.");
        }
        if (provider.getRequiredGroupId() != null) {
            boolean member = !users.isEmpty() && em.createQuery("SELECT COUNT(g) FROM ScimGroup g JOIN g.memberIds m"
                            + " WHERE g.id = :groupId AND m IN :userIds", Long.class)
                    .setParameter("groupId", provider.getRequiredGroupId())
                    .setParameter("userIds", users.stream().map(ScimUser::getId).toList()).getSingleResult() > 0;
            if (!member) {
                throw new KeyholdException(ErrorCode.FORBIDDEN,
                        "Only members of the organisation's licensed group may activate.");
            }
        }
    }
}
