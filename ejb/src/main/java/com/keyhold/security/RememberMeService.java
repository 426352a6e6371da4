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

    public Optional<CallerIdentity> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        RememberMeToken token = em.find(RememberMeToken.class, SecretTokens.hash(secret));
        if (token == null || !token.isUsableAt(clock.instant())) {
            return Optional.empty();
        }
        User user = token.getUser();
        return Optional.of(new CallerIdentity(user.getId(), user.isOperator(), user.isMustChangePassword()));
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
