package com.keyhold.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a read that failed for a lost connection, waiting 5 s before each of up to
 * three attempts. The container's pool already replaces broken connections (glassfish-resources.xml:
 * validation, fail-all-connections), and while the database is away a request must answer
 * {@code 503 SERVICE_UNAVAILABLE} at once rather than after 5-15 s of waiting (issue 14, measured by
 * DatabaseOutageIT: an admin API call took 10 s with the retries).
 */
public class NoQueryRetry implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
