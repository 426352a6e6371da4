package com.keyhold.web.api.operator;

import com.keyhold.sweep.SweepRun;
import com.keyhold.sweep.Sweeps;
import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/v1/operator/sweeps/{name}}: run a scheduled sweep now (CONTRACT section 7). */
@Path("/v1/operator/sweeps/{name}")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorSweepsResource {

    @EJB
    Sweeps sweeps;

    @POST
    @Operation(summary = "Run a scheduled sweep now (expiry, invitations); the same work the timer does, safe to run twice."
            + " Answers processed, and beyond the contract batches, longestBatchMillis and elapsedMillis")
    public Map<String, Long> run(@PathParam("name") String name) {
        SweepRun run = sweeps.run(name);
        return Map.of("processed", (long) run.processed(), "batches", (long) run.batches(),
                "longestBatchMillis", run.longestBatch().toMillis(), "elapsedMillis", run.elapsed().toMillis());
    }
}
