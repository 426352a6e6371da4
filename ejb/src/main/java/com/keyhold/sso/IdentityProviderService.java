package com.keyhold.sso;

import com.keyhold.account.Account;
import com.keyhold.account.AccountAccess;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.scim.ScimGroup;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * An account's identity provider (SPEC O2, CONTRACT section 6 {@code /api/v1/admin/identity-provider}):
 * shown, set and removed by the account's administrators only, on business accounts. An issuer and
 * audience pair belongs to one account only: decided under the account's lock and kept by a unique
 * index. A JWKS URL must be HTTPS; plain HTTP only to the hosts of {@code keyhold.sso.jwks-http-hosts}
 * (empty in production; the tests serve their keys on loopback).
 */
@Stateless
public class IdentityProviderService {

    static final int MAX_PER_USER_LIMIT = 1000;
    static final int MAX_INACTIVITY_DAYS = 3650;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    ActivityLog activityLog;

    @Inject
    JwksCache jwks;

    /** The account's provider, if one is set. */
    public Optional<IdentityProviderView> get(String userId, String accountId) {
        Account account = administeredAccount(userId, accountId);
        return Optional.ofNullable(em.find(IdentityProvider.class, account.getId())).map(this::view);
    }

    /** Sets every setting at once (PUT); violations are reported together and change nothing. */
    public IdentityProviderView configure(String userId, String accountId, IdentityProviderDraft draft) {
        Account account = administeredAccount(userId, accountId);
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        if (draft == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        List<Violation> violations = new ArrayList<>();
        String issuer = required(draft.issuer(), "issuer", 255, violations);
        String audience = required(draft.audience(), "audience", 255, violations);
        String jwksUrl = blankToNull(draft.jwksUrl());
        List<String> pems = draft.publicKeys() == null ? List.of()
                : draft.publicKeys().stream().filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
        if ((jwksUrl == null) == pems.isEmpty()) {
            violations.add(new Violation("jwksUrl", "give either a JWKS URL or public keys (PEM), not both"));
        }
        if (jwksUrl != null) {
            checkJwksUrl(jwksUrl, violations);
        }
        if (pems.size() > PemPublicKeys.MAX_KEYS) {
            violations.add(new Violation("publicKeys", "at most " + PemPublicKeys.MAX_KEYS + " keys"));
        } else {
            for (String pem : pems) {
                try {
                    PemPublicKeys.parse(pem);
                } catch (IllegalArgumentException e) {
                    violations.add(new Violation("publicKeys", e.getMessage()));
                }
            }
        }
        int perUserLimit = draft.perUserLimit() == null ? IdentityProvider.DEFAULT_PER_USER_LIMIT : draft.perUserLimit();
        if (perUserLimit < 1 || perUserLimit > MAX_PER_USER_LIMIT) {
            violations.add(new Violation("perUserLimit", "must be 1 to " + MAX_PER_USER_LIMIT));
        }
        String requiredGroup = blankToNull(draft.requiredGroup());
        if (requiredGroup != null && groupOf(account.getId(), requiredGroup) == null) {
            violations.add(new Violation("requiredGroup", "is not a SCIM group of this account"));
        }
        Integer inactivityDays = draft.inactivityRevokeDays();
        if (inactivityDays != null && (inactivityDays < 1 || inactivityDays > MAX_INACTIVITY_DAYS)) {
            violations.add(new Violation("inactivityRevokeDays", "must be empty (off) or 1 to " + MAX_INACTIVITY_DAYS));
        }
        if (issuer != null && audience != null) {
            List<IdentityProvider> sameAddress = em.createNamedQuery("IdentityProvider.byIssuerAndAudience", IdentityProvider.class)
                    .setParameter("issuer", issuer).setParameter("audience", audience).getResultList();
            if (sameAddress.stream().anyMatch(p -> !p.getAccountId().equals(account.getId()))) {
                violations.add(new Violation("audience", "this issuer and audience are registered to another account"));
            }
        }
        Validation.require(violations);
        IdentityProvider provider = em.find(IdentityProvider.class, account.getId());
        boolean created = provider == null;
        if (created) {
            provider = new IdentityProvider(account.getId());
        } else {
            jwks.forget(provider.getJwksUrl());
        }
        provider.configure(issuer, audience, jwksUrl, pems.isEmpty() ? null : String.join("\n", pems), perUserLimit,
                requiredGroup, inactivityDays, clock.instant());
        if (created) {
            em.persist(provider);
        }
        em.flush();
        activityLog.record(account.getId(), ActivityActions.IDENTITY_PROVIDER_CONFIGURED, ActivityActions.IDENTITY_PROVIDER,
                account.getId(), "identity provider " + (created ? "set" : "changed") + ": issuer " + issuer + ", audience "
                        + audience + (jwksUrl != null ? ", JWKS " + jwksUrl : ", " + pems.size() + " public keys")
                        + ", " + perUserLimit + " computers per user"
                        + (requiredGroup != null ? ", group '" + groupOf(account.getId(), requiredGroup).getDisplayName() + "' required" : "")
                        + (inactivityDays != null ? ", revoke after " + inactivityDays + " days without check-in" : ""));
        return view(provider);
    }

    /** Removes the provider: no computer activates by ID token any more; activated ones keep running. */
    public void remove(String userId, String accountId) {
        Account account = administeredAccount(userId, accountId);
        IdentityProvider provider = em.find(IdentityProvider.class, account.getId());
        if (provider == null) {
            throw KeyholdException.notFound("Identity provider");
        }
        jwks.forget(provider.getJwksUrl());
        em.remove(provider);
        activityLog.record(account.getId(), ActivityActions.IDENTITY_PROVIDER_REMOVED, ActivityActions.IDENTITY_PROVIDER,
                account.getId(), "identity provider removed: issuer " + provider.getIssuer());
    }

    /** The SCIM groups an administrator may choose as the required group, by name. */
    public List<ScimGroup> groups(String userId, String accountId) {
        Account account = administeredAccount(userId, accountId);
        return em.createQuery("SELECT g FROM ScimGroup g WHERE g.accountId = :accountId ORDER BY g.displayName, g.id",
                ScimGroup.class).setParameter("accountId", account.getId()).setMaxResults(1000).getResultList();
    }

    /** The keys that verify this provider's ID tokens. */
    public SigningKeys signingKeysOf(IdentityProvider provider) {
        if (provider.getJwksUrl() != null) {
            return jwks.keysAt(provider.getJwksUrl());
        }
        List<com.nimbusds.jose.jwk.JWK> keys = PemPublicKeys.parse(provider.getPublicKeys());
        return header -> keys;
    }

    private IdentityProviderView view(IdentityProvider provider) {
        ScimGroup group = provider.getRequiredGroupId() == null ? null : groupOf(provider.getAccountId(), provider.getRequiredGroupId());
        List<String> pems = provider.getPublicKeys() == null ? List.of()
                : Arrays.stream(provider.getPublicKeys().split("(?=-----BEGIN PUBLIC KEY-----)"))
                        .map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new IdentityProviderView(provider.getIssuer(), provider.getAudience(), provider.getJwksUrl(), pems,
                provider.getPerUserLimit(), provider.getRequiredGroupId(), group == null ? null : group.getDisplayName(),
                provider.getInactivityRevokeDays(), provider.getUpdatedAt());
    }

    private ScimGroup groupOf(String accountId, String groupId) {
        ScimGroup group = groupId.length() > 36 ? null : em.find(ScimGroup.class, groupId);
        return group != null && group.getAccountId().equals(accountId) ? group : null;
    }

    private Account administeredAccount(String userId, String accountId) {
        return access.requireBusinessAdministrator(userId, accountId, "Corporate activation belongs to business accounts.");
    }

    private static void checkJwksUrl(String url, List<Violation> violations) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            violations.add(new Violation("jwksUrl", "is not a URL"));
            return;
        }
        if (url.length() > 1000 || uri.getHost() == null || uri.getUserInfo() != null) {
            violations.add(new Violation("jwksUrl", "must be an https:// URL of at most 1000 characters"));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean allowedHttp = scheme.equals("http") && plainHttpHosts().contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !allowedHttp) {
            violations.add(new Violation("jwksUrl", "must be an https:// URL"));
        }
    }

    private static Set<String> plainHttpHosts() {
        return ConfigProvider.getConfig().getOptionalValue("keyhold.sso.jwks-http-hosts", String.class)
                .map(v -> Arrays.stream(v.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                        .filter(h -> !h.isEmpty()).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static String required(String value, String field, int max, List<Violation> violations) {
        String v = blankToNull(value);
        if (v == null || v.length() > max || v.chars().anyMatch(Character::isWhitespace)) {
            violations.add(new Violation(field, "is required: up to " + max + " characters without spaces"));
            return null;
        }
        return v;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
