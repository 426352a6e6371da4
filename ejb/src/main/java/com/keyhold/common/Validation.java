package com.keyhold.common;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation results into {@link KeyholdException}s with one violation per field. */
public final class Validation {

    private Validation() {
    }

    /** Every Bean Validation violation of the command, sorted by field. */
    public static <T> List<Violation> violationsOf(Validator validator, T command) {
        Set<ConstraintViolation<T>> found = validator.validate(command);
        return found.stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    /** Refuses the request, naming every invalid field at once, when there is any violation. */
    public static void require(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations.stream()
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                    .toList());
        }
    }
}
