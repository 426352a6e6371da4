package com.keyhold.web.api.operator;


import com.keyhold.operator.Maintenance;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/operator/maintenance/drain} before a planned restart, {@code DELETE} to serve
 * again without one (README "Operations"; {@link Maintenance}).
 */
@Path("/v1/operator/maintenance/drain")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorMaintenanceResource {

    @EJB
    Maintenance maintenance;

    @POST
    @Operation(summary = "Drain before a planned restart: new requests answer 503 with Retry-After, /health/ready reports"
            + " not ready, requests in flight finish (up to 10 s) and pending check-in writes are flushed; then stop the server")
    public Map<String, Object> drain() {
        // this request is itself in flight (RequestGuardFilter counts it): do not wait for it
        Maintenance.Drained drained = maintenance.drain(1);
        return Map.of("draining", true, "requestsStillInFlight", drained.requestsStillInFlight(),
                "checkInContactsWritten", drained.checkInContactsWritten());
    }

    @DELETE
    @Operation(summary = "Serve again after a drain, without a restart")
    public void resume() {
        maintenance.resume();
    }
}
