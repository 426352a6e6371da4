package com.keyhold.rest;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.Violation;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The body of every 4xx/5xx answer under {@code /api} (CONTRACT section 1). Empty violations are left out. */
@JsonbPropertyOrder({"code", "message", "violations"})
@JsonbNillable(false)
public record ApiError(String code, String message, List<Violation> violations, Map<String, Object> details) {

    public ApiError {
        violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        details = details == null ? Map.of() : new TreeMap<>(details);
    }

    public ApiError(String code, String message, List<Violation> violations) {
        this(code, message, violations, Map.of());
    }

    public static ApiError of(ErrorCode code, String message) {
        return new ApiError(code.name(), message, null);
    }

    /** The same body written without JSON-B, for the authentication layer that answers before JAX-RS. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"code\":").append(quote(code))
                .append(",\"message\":").append(quote(message));
        if (violations != null) {
            json.append(",\"violations\":[");
            for (int i = 0; i < violations.size(); i++) {
                Violation v = violations.get(i);
                json.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(v.field()))
                        .append(",\"message\":").append(quote(v.message())).append('}');
            }
            json.append(']');
        }
        details.forEach((name, value) -> json.append(',').append(quote(name)).append(':')
                .append(value instanceof Number ? value.toString() : quote(String.valueOf(value))));
        return json.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : String.valueOf(text).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
