package com.keyhold.rest.client;

import com.keyhold.rest.http.WebSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/client/load-baseline}: the check-in benchmark's yardstick (bench/README.md).
 * It does what the check-in endpoint does minus Keyhold's own work — takes a body like a check-in's
 * and answers a check-in-shaped JSON document of {@code size} bytes — with no database, no
 * authentication and no state, so it reveals nothing and changes nothing. Comparing the two rates
 * on one server shows what the check-in itself costs. It answers 404 unless
 * {@code keyhold.benchmark.enabled} is set (the benchmark profile sets it on its test server), so a
 * production server offers no free amplifier to anyone.
 */
@Path("/v1/client/load-baseline")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped // like ClientActivationsResource, so that the two differ only in the check-in's own work
public class LoadBaselineResource {

    static final int MAX_SIZE = 16 * 1024;
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Load-test yardstick: a constant check-in-shaped answer of the given size (no database, no authentication)")
    public Response answer(@QueryParam("size") @DefaultValue("1000") int size, String body) {
        if (!WebSettings.benchmarkEnabled()) {
            throw new NotFoundException();
        }
        // read the body as the check-in does, so both pay for the same parsing
        if (body != null && !body.isBlank()) {
            try (JsonReader reader = READERS.createReader(new StringReader(body))) {
                reader.readValue();
            } catch (JsonException malformed) {
                return Response.status(Response.Status.BAD_REQUEST).build();
            }
        }
        String head = JSON.createObjectBuilder()
                .add("status", "ACTIVE")
                .add("keyName", "Baseline")
                .add("expiresAt", Instant.EPOCH.toString())
                .add("nextCheckInSeconds", 86_400)
                .add("configurationProfile", JSON.createObjectBuilder().add("name", "Default").add("payloads", JSON.createArrayBuilder()))
                .add("certificate", "")
                .build().toString();
        int padding = Math.max(0, Math.min(MAX_SIZE, size) - head.length());
        String json = head.substring(0, head.length() - 2) + "x".repeat(padding) + "\"}";
        return Response.ok(json).build();
    }
}
