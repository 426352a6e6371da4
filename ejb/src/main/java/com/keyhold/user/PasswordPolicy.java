package com.keyhold.user;

import com.keyhold.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** What a new password must satisfy (SPEC A1): at least ten characters, typed the same twice. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** PBKDF2 hashes whatever it gets; the bound keeps a request from making us hash megabytes. */
    public static final int MAX_LENGTH = 256;

    private PasswordPolicy() {
    }

    public static List<Violation> check(String password, String repeated) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            violations.add(new Violation("password", "must be at least " + MIN_LENGTH + " characters long"));
        } else if (password.length() > MAX_LENGTH) {
            violations.add(new Violation("password", "must be at most " + MAX_LENGTH + " characters long"));
        } else if (password.isBlank()) {
            violations.add(new Violation("password", "must not be only spaces"));
        }
        if (password != null && !password.equals(repeated)) {
            violations.add(new Violation("passwordRepeated", "does not match the password"));
        }
        return violations;
    }
}
