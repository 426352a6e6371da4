package com.keyhold.common;

/** One invalid field of a request: {@code {"field": "password", "message": "..."}} (CONTRACT section 1). */
public record Violation(String field, String message) {
}
