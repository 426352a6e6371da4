package com.keyhold.scim;

import com.keyhold.account.Account;
import com.keyhold.account.AccountAccess;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.KeyholdException;
import com.keyhold.security.IssuedToken;
import com.keyhold.security.SecretTokens;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * SCIM tokens of an account (SPEC O3, CONTRACT section 6 {@code /api/v1/admin/scim-tokens}): created
 * (shown once), listed and revoked by the account's administrators; checked on every SCIM request.
 */
@Stateless
public class ScimTokenService {

    public static final String PREFIX = "khs_";
    public static final int MAX_TOKENS = 20;
    /** A token's last use is written at most once a minute: a SCIM burst is not a burst of writes. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    ActivityLog activityLog;

    public IssuedToken create(String userId, String accountId, String name) {
        Account account = administeredAccount(userId, accountId);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw KeyholdException.badRequest("name", "is required, up to 100 characters");
        }
        em.lock(account, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (list(account.getId()).size() >= MAX_TOKENS) {
            throw KeyholdException.badRequest("name", "an account has at most " + MAX_TOKENS + " SCIM tokens: revoke one first");
        }
        String token = SecretTokens.generate(PREFIX);
        ScimToken stored = new ScimToken(account.getId(), cleanName, SecretTokens.hash(token), userId, clock.instant());
        em.persist(stored);
        activityLog.record(account.getId(), ActivityActions.SCIM_TOKEN_CREATED, ActivityActions.SCIM_TOKEN, stored.getId(),
                "SCIM token '" + cleanName + "' created");
        return new IssuedToken(stored.getId(), cleanName, token, null);
    }

    public List<ScimTokenView> list(String userId, String accountId) {
        return list(administeredAccount(userId, accountId).getId());
    }

    public void revoke(String userId, String accountId, String tokenId) {
        Account account = administeredAccount(userId, accountId);
        ScimToken token = tokenId == null || tokenId.length() > 36 ? null : em.find(ScimToken.class, tokenId);
        if (token == null || token.isRevoked() || !token.getAccountId().equals(account.getId())) {
            throw KeyholdException.notFound("SCIM token");
        }
        token.revoke(clock.instant());
        activityLog.record(account.getId(), ActivityActions.SCIM_TOKEN_REVOKED, ActivityActions.SCIM_TOKEN, token.getId(),
                "SCIM token '" + token.getName() + "' revoked");
    }

    /** The id of the live token with this value, recording its use; empty for anything else. */
    public Optional<String> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        Optional<ScimToken> found = em.createNamedQuery("ScimToken.byHash", ScimToken.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultStream().findFirst()
                .filter(t -> !t.isRevoked());
        found.ifPresent(t -> {
            Instant now = clock.instant();
            if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_RESOLUTION).isBefore(now)) {
                em.createQuery("UPDATE ScimToken t SET t.lastUsedAt = :now WHERE t.id = :id")
                        .setParameter("now", now).setParameter("id", t.getId()).executeUpdate();
            }
        });
        return found.map(ScimToken::getId);
    }

    private List<ScimTokenView> list(String accountId) {
        return em.createNamedQuery("ScimToken.ofAccount", ScimToken.class).setParameter("accountId", accountId)
                .getResultStream().map(t -> new ScimTokenView(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt()))
                .toList();
    }

    private Account administeredAccount(String userId, String accountId) {
        return access.requireBusinessAdministrator(userId, accountId, "SCIM provisioning belongs to business accounts.");
    }
}
