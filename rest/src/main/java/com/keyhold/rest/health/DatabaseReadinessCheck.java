package com.keyhold.rest.health;

import com.keyhold.common.ServerLifecycle;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Keyhold is ready only while its database answers and it is not drained for a restart: a load
 * balancer stops sending traffic otherwise.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "keyhold-database";
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        // drained for a planned restart (Maintenance): not ready, so a load balancer sends traffic elsewhere
        return HealthCheckResponse.named(NAME).status(!ServerLifecycle.isStopping() && databaseAnswers(dataSource))
                .withData("draining", ServerLifecycle.isStopping()).build();
    }

    /** True when a connection can be had and the server answers within the timeout. */
    static boolean databaseAnswers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
