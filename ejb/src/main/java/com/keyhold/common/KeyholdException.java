package com.keyhold.common;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Objects;

/**
 * A refused use case. Services throw it with the CONTRACT.md code; the REST exception mapper and
 * the pages turn it into the wire format or a message. The transaction is rolled back, so a refused
 * request changes nothing.
 */
@ApplicationException(rollback = true)
public class KeyholdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final List<Violation> violations;

    public KeyholdException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public KeyholdException(ErrorCode code, String message, List<Violation> violations) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.violations = List.copyOf(violations);
    }

    public static KeyholdException badRequest(List<Violation> violations) {
        String summary = violations.isEmpty() ? "The request is not valid."
                : violations.get(0).field() + ": " + violations.get(0).message();
        return new KeyholdException(ErrorCode.BAD_REQUEST, summary, violations);
    }

    public static KeyholdException badRequest(String field, String message) {
        return badRequest(List.of(new Violation(field, message)));
    }

    public static KeyholdException notFound(String what) {
        return new KeyholdException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    public ErrorCode code() {
        return code;
    }

    public List<Violation> violations() {
        return violations;
    }
}
