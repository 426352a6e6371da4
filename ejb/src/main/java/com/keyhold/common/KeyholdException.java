package com.keyhold.common;

import jakarta.ejb.ApplicationException;
import java.util.List;
import java.util.Map;
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
    private final Map<String, Object> details;

    public KeyholdException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public KeyholdException(ErrorCode code, String message, List<Violation> violations) {
        this(code, message, violations, Map.of());
    }

    private KeyholdException(ErrorCode code, String message, List<Violation> violations, Map<String, Object> details) {
        super(message);
        this.code = Objects.requireNonNull(code);
        this.violations = List.copyOf(violations);
        this.details = Map.copyOf(details);
    }

    /** A refusal that carries extra fields for the client, such as {@code wouldDeactivate} (CONTRACT section 1). */
    public static KeyholdException withDetails(ErrorCode code, String message, Map<String, Object> details) {
        return new KeyholdException(code, message, List.of(), details);
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

    /** Extra top-level fields of the error body: numbers or strings. */
    public Map<String, Object> details() {
        return details;
    }
}
