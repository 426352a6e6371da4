package com.keyhold.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void aLostOrRefusedConnectionDeepInTheChainIsAnOutage() {
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException(new PersistenceException(
                new SQLNonTransientConnectionException("Could not create connection")))));
        assertTrue(Outages.isDatabaseUnavailable(new PersistenceException(new SQLException("gone", "08S01"))));
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException("Error in allocating a connection. Cause: refused")));
        // the pool removed under a request while the server stops Keyhold (issue 14)
        assertTrue(Outages.isDatabaseUnavailable(new RuntimeException(new java.sql.SQLException("{ PoolInfo : (name=java:app/jdbc/keyhold-pool) }:"
                + " No Pool Meta Data object associated with the pool"))));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(Outages.isDatabaseUnavailable(new PersistenceException(new SQLException("duplicate", "23000"))));
        assertFalse(Outages.isDatabaseUnavailable(new NullPointerException()));
        assertFalse(Outages.isDatabaseUnavailable(null));
    }

    @Test
    void theRefusalAsksClientsToRetryLater() {
        KeyholdException refusal = Outages.databaseUnavailable();
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refusal.code());
        assertEquals(503, refusal.code().httpStatus());
        assertEquals(Outages.RETRY_AFTER_SECONDS, refusal.details().get("retryAfterSeconds"));
    }
}
