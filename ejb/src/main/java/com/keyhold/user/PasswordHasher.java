package com.keyhold.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Salted slow password hashes through Jakarta Security's {@link Pbkdf2PasswordHash}. The hash
 * string records algorithm, iterations and salt, so raising the iteration count later keeps old
 * hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** A hash of a random password: verified against when the email is unknown, so timing reveals nothing. */
    private String decoyHash;

    @PostConstruct
    void configure() {
        int iterations = ConfigProvider.getConfig()
                .getOptionalValue("keyhold.password.pbkdf2-iterations", Integer.class).orElse(120_000);
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = pbkdf2.generate("decoy password never used".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return pbkdf2.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real check, for unknown emails. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoyHash);
    }
}
