package com.keyhold.common;

/** The error codes of CONTRACT.md section 1, each with the HTTP status it answers with. */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_KEY(404),
    KEY_EXPIRED(403),
    CODE_EXPIRED(410),
    CODE_ALREADY_USED(409),
    SUBSCRIPTION_EXPIRED(403),
    SUBSCRIPTION_NOT_STARTED(403),
    COMPUTER_BLACKLISTED(403),
    NO_SEATS_AVAILABLE(409),
    INSUFFICIENT_SEATS(409),
    KEY_ALREADY_REGISTERED(409),
    KEY_IN_USE(409),
    OFFLINE_NOT_ENABLED(403),
    REQUEST_REPLAYED(409),
    CONFIRMATION_REQUIRED(409),
    LAST_ADMINISTRATOR(409),
    USER_LIMIT_REACHED(409),
    EMAIL_TAKEN(409),
    PASSWORD_CHANGE_REQUIRED(403),
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    SERVICE_UNAVAILABLE(503),
    INTERNAL_ERROR(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
