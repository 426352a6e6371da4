package com.keyhold.web.api.client;

import com.keyhold.common.KeyholdException;
import com.keyhold.computer.ActivationRequest;
import com.keyhold.computer.ActivationService;
import com.keyhold.computer.ClientLicense;
import com.keyhold.web.security.AuthorizationHeader;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/client/activations} (CONTRACT section 2). Clients authenticate check-in and
 * deactivation with their activation token, checked by {@link ActivationService}.
 */
@Path("/v1/client/activations")
@Produces(MediaType.APPLICATION_JSON)
public class ClientActivationsResource {

    /** The optional check-in body. */
    public record CheckIn(String appVersion, String hostOs) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    ActivationService activations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Activate a computer", description = "201 new activation, 200 existing one (idempotent, moved or reactivated)")
    public Response activate(ActivationRequest request) {
        ClientLicense license = activations.activate(request);
        return Response.status(license.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(json(license).build().toString()).build();
    }

    @POST
    @Path("/{activationId}/check-in")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Check in (Authorization: Bearer <activationToken>)")
    public Response checkIn(@PathParam("activationId") String activationId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        CheckIn checkIn = parse(body);
        ClientLicense license = activations.checkIn(activationId, token(authorization), checkIn.appVersion(),
                checkIn.hostOs());
        return Response.ok(json(license).build().toString()).build();
    }

    @DELETE
    @Path("/{activationId}")
    @Operation(summary = "The client deactivates itself; the seat is free at once")
    public Response deactivate(@PathParam("activationId") String activationId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        activations.deactivate(activationId, token(authorization));
        return Response.noContent().build();
    }

    private static String token(String authorization) {
        return AuthorizationHeader.bearer(authorization).orElse(null);
    }

    private static CheckIn parse(String body) {
        if (body == null || body.isBlank()) {
            return new CheckIn(null, null);
        }
        try {
            CheckIn parsed = JSONB.fromJson(body, CheckIn.class);
            return parsed == null ? new CheckIn(null, null) : parsed;
        } catch (JsonbException malformed) {
            throw KeyholdException.badRequest("body", "is not valid JSON");
        }
    }

    private static JsonObjectBuilder json(ClientLicense license) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (license.activationToken() != null) {
            json.add("activationId", license.activationId()).add("activationToken", license.activationToken());
        }
        JsonObject profile = Json.createReader(new StringReader(license.profileJson())).readObject();
        return json.add("status", license.status().name())
                .add("keyName", license.keyName())
                .add("expiresAt", license.expiresAt().toString())
                .add("nextCheckInSeconds", license.nextCheckInSeconds())
                .add("configurationProfile", profile == null ? JsonValue.NULL : profile)
                .add("certificate", license.certificate());
    }
}
