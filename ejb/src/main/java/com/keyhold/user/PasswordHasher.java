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
 * hashes verifiable; a hash made with fewer iterations than configured is replaced at the user's
 * next successful sign-in ({@link #needsRehash}). The default follows OWASP's current figure for
 * PBKDF2-HMAC-SHA256 (600,000); a test server may configure fewer to keep its suite fast.
 */
@ApplicationScoped
public class PasswordHasher {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    public static final int DEFAULT_ITERATIONS = 600_000;

    private int iterations;

    /** A hash of a random password: verified against when the email is unknown, so timing reveals nothing. */
    private String decoyHash;

    @PostConstruct
    void configure() {
        iterations = ConfigProvider.getConfig()
                .getOptionalValue("keyhold.password.pbkdf2-iterations", Integer.class).orElse(DEFAULT_ITERATIONS);
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

    /** Whether a stored hash was made with fewer iterations (or another algorithm) than now configured. */
    public boolean needsRehash(String storedHash) {
        return iterationsOf(storedHash) < iterations;
    }

    /**
     * The iterations recorded in a hash of Jakarta Security's format
     * {@code algorithm:iterations:salt:hash}; 0 when it cannot be read (then it is rehashed).
     */
    static int iterationsOf(String storedHash) {
        String[] parts = storedHash == null ? new String[0] : storedHash.split(":");
        if (parts.length != 4 || !parts[0].equals("PBKDF2WithHmacSHA256")) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException unreadable) {
            return 0;
        }
    }

    /** Spends the same time as a real check, for unknown emails. */
    public void verifyDecoy(String password) {
        pbkdf2.verify(password.toCharArray(), decoyHash);
    }
}
