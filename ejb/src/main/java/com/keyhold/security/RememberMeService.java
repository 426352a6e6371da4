package com.keyhold.security;

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

/** "Keep me signed in" (SPEC A1): long-lived, hashed, revocable browser tokens. */
@Stateless
public class RememberMeService {

    public static final Duration LIFETIME = Duration.ofDays(30);
    /** How long a rotated token keeps working for requests already under way with it. */
    public static final Duration ROTATION_GRACE = Duration.ofSeconds(60);
    private static final String PREFIX = "khr_";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    /** @return the cookie value; only its hash is kept */
    public String issue(String userId) {
        Instant now = clock.instant();
        String secret = SecretTokens.generate(PREFIX);
        em.persist(new RememberMeToken(SecretTokens.hash(secret), em.getReference(User.class, userId), now,
                now.plus(LIFETIME)));
        return secret;
    }

    /** A remembered browser signed in again: who it is, and the new cookie value when the token was rotated. */
    public record Remembered(CallerIdentity caller, Optional<String> newSecret) {
    }

    /**
     * Signs a browser in with its cookie and rotates the token: the presented one is retired (it
     * works for {@link #ROTATION_GRACE} more, for requests already sent with it) and a new one is
     * returned for the cookie. A stolen cookie thus stops working once its owner comes back, and a
     * retired one is never rotated again. The row is locked so that two requests with the same
     * cookie rotate it once.
     */
    public Optional<Remembered> signInAndRotate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        RememberMeToken token = em.find(RememberMeToken.class, SecretTokens.hash(secret),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (token == null || !token.isUsableAt(now)) {
            return Optional.empty();
        }
        User user = token.getUser();
        CallerIdentity caller = new CallerIdentity(user.getId(), user.isOperator(), user.isMustChangePassword());
        if (token.isRetiredAt(now, ROTATION_GRACE)) {
            return Optional.of(new Remembered(caller, Optional.empty()));
        }
        token.retire(now, ROTATION_GRACE);
        return Optional.of(new Remembered(caller, Optional.of(issue(user.getId()))));
    }

    /** Every browser the user is remembered in forgets them (password change or reset). @return how many */
    public int revokeAllOf(User user) {
        return em.createQuery("DELETE FROM RememberMeToken t WHERE t.user = :user").setParameter("user", user).executeUpdate();
    }

    /** Sign-out forgets this browser's token. */
    public void revoke(String secret) {
        if (secret != null && secret.length() <= 128) {
            RememberMeToken token = em.find(RememberMeToken.class, SecretTokens.hash(secret));
            if (token != null) {
                em.remove(token);
            }
        }
    }
}
