package com.keyhold.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being away (connection refused or lost, pool unable to
 * hand out a connection) from a bug, so that interfaces answer {@code 503 SERVICE_UNAVAILABLE} with
 * {@code Retry-After} for the first and never 500 (CONTRACT section 1).
 */
public final class Outages {

    /** How long clients are asked to wait before retrying while the database is away. */
    public static final long RETRY_AFTER_SECONDS = 30;

    private Outages() {
    }

    public static boolean isDatabaseUnavailable(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 50; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (type.endsWith("CommunicationsException") || type.endsWith("PoolingException")
                    || message.contains("Error in allocating a connection")
                    || message.contains("Communications link failure")
                    // the application's pool is gone: the server is stopping or redeploying Keyhold
                    || message.contains("No Pool Meta Data object associated with the pool")) {
                return true;
            }
        }
        return false;
    }

    public static KeyholdException databaseUnavailable() {
        return KeyholdException.withDetails(ErrorCode.SERVICE_UNAVAILABLE,
                "Keyhold's database cannot be reached at the moment. Try again shortly.",
                java.util.Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }

    /** Another service Keyhold needs is away (an identity provider's keys): 503 with Retry-After, never 500. */
    public static KeyholdException serviceUnavailable(String message) {
        return KeyholdException.withDetails(ErrorCode.SERVICE_UNAVAILABLE, message,
                java.util.Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }
}
