package com.keyhold.web.api.operator;

import com.keyhold.operator.ClockControl;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code PUT /api/v1/operator/clock}: moves the server's clock by an offset, on test servers only
 * ({@code keyhold.testing.clock-control}); 404 everywhere else.
 */
@Path("/v1/operator/clock")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorClockResource {

    public record Offset(Long offsetSeconds) {
    }

    @EJB
    ClockControl clockControl;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test servers only: set the clock's offset from real time, {offsetSeconds}")
    public Map<String, Long> shift(Offset body) {
        if (body == null || body.offsetSeconds() == null) {
            throw KeyholdException.badRequest("offsetSeconds", "is required");
        }
        return Map.of("offsetSeconds", clockControl.shift(body.offsetSeconds()).toSeconds());
    }
}
