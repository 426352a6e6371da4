package com.keyhold.security;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.user.CallerIdentity;
import com.keyhold.user.User;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Personal API tokens (CONTRACT section 6) and operator tokens (section 7). */
@Stateless
public class ApiTokenService {

    public static final String TOKEN_PREFIX = "khp_";
    public static final int MAX_EXPIRY_DAYS = 365;
    /** A token asked for without a lifetime lives this long (issue 9); only the configured operator token lives on. */
    public static final int DEFAULT_EXPIRY_DAYS = 90;
    /** Recording every use would be a write per API call; a minute's precision is enough for "last use". */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    /**
     * Creates a token for the user. An operator's token is an operator token, valid on the
     * operator API only (O1); everyone else's acts on the admin API.
     */
    public IssuedToken create(String userId, String name, Integer expiresInDays) {
        com.keyhold.common.Callers.requireCaller(context, userId);
        String cleanName = name == null || name.isBlank() ? "API token" : name.strip();
        if (cleanName.length() > 100) {
            throw KeyholdException.badRequest("name", "must be at most 100 characters long");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > MAX_EXPIRY_DAYS)) {
            throw KeyholdException.badRequest("expiresInDays", "must be between 1 and " + MAX_EXPIRY_DAYS);
        }
        User user = em.find(User.class, userId);
        if (user == null) {
            throw KeyholdException.notFound("User");
        }
        if (user.isMustChangePassword()) {
            throw new KeyholdException(ErrorCode.PASSWORD_CHANGE_REQUIRED,
                    "Sign in to the portal and change the one-time password first.");
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(expiresInDays == null ? DEFAULT_EXPIRY_DAYS : expiresInDays));
        String secret = SecretTokens.generate(TOKEN_PREFIX);
        TokenScope scope = user.isOperator() ? TokenScope.OPERATOR : TokenScope.ADMIN;
        ApiToken token = new ApiToken(user, cleanName, SecretTokens.hash(secret), scope, now, expiresAt);
        em.persist(token);
        return new IssuedToken(token.getId(), cleanName, secret, expiresAt);
    }

    /**
     * Gives a configured secret (the bootstrap operator token, O1) to the operator, unless a
     * token with that secret already exists.
     */
    public void ensureToken(User operator, String name, String secret) {
        String hash = SecretTokens.hash(secret);
        if (em.createNamedQuery("ApiToken.byHash", ApiToken.class).setParameter("hash", hash)
                .getResultList().isEmpty()) {
            em.persist(new ApiToken(operator, name, hash, TokenScope.OPERATOR, clock.instant(), null));
        }
    }

    /** The user's usable tokens, newest first (A9). */
    public java.util.List<TokenView> tokensOf(String userId) {
        com.keyhold.common.Callers.requireCaller(context, userId);
        Instant now = clock.instant();
        return em.createQuery("SELECT t FROM ApiToken t WHERE t.user.id = :user ORDER BY t.createdAt DESC", ApiToken.class)
                .setParameter("user", userId).getResultStream()
                .filter(t -> t.isUsableAt(now)).map(TokenView::new).toList();
    }

    /** Revokes one of the user's own tokens at once; another user's token is "not found" (A9). */
    public void revoke(String userId, String tokenId) {
        com.keyhold.common.Callers.requireCaller(context, userId);
        ApiToken token = tokenId == null ? null : em.find(ApiToken.class, tokenId);
        if (token == null || !token.getUser().getId().equals(userId)) {
            throw KeyholdException.notFound("API token");
        }
        token.revoke(clock.instant());
    }

    /**
     * Revokes every usable API token of the user (a password change or reset, issue 9), except the
     * operator token given in configuration ({@code keyhold.bootstrap.operator-token}, CONTRACT
     * section 7), which only a configuration change ends.
     *
     * @return how many were revoked
     */
    public int revokeAllOf(User user) {
        Instant now = clock.instant();
        String configuredHash = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("keyhold.bootstrap.operator-token", String.class).map(String::strip)
                .filter(t -> !t.isEmpty()).map(SecretTokens::hash).orElse(null);
        int revoked = 0;
        for (ApiToken token : em.createQuery("SELECT t FROM ApiToken t WHERE t.user = :user", ApiToken.class)
                .setParameter("user", user).getResultList()) {
            if (token.isUsableAt(now) && !token.getTokenHash().equals(configuredHash)) {
                token.revoke(now);
                revoked++;
            }
        }
        return revoked;
    }

    /** The caller behind a bearer token, if the token exists, is usable and has the scope asked for. */
    public Optional<CallerIdentity> authenticate(String secret, TokenScope requiredScope) {
        if (secret == null || secret.isEmpty() || secret.length() > 512) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return em.createNamedQuery("ApiToken.byHash", ApiToken.class)
                .setParameter("hash", SecretTokens.hash(secret))
                .getResultStream()
                .filter(t -> t.isUsableAt(now) && t.getScope() == requiredScope)
                .findFirst()
                .map(t -> {
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
                        t.usedAt(now);
                    }
                    User user = t.getUser();
                    return new CallerIdentity(user.getId(), user.isOperator(), user.isMustChangePassword());
                });
    }
}
