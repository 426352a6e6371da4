package com.keyhold.rest.client;

import com.keyhold.common.KeyholdException;
import com.keyhold.computer.ActivationRequest;
import com.keyhold.computer.ActivationService;
import com.keyhold.computer.CheckInService;
import com.keyhold.computer.ClientLicense;
import com.keyhold.rest.AuthorizationHeader;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/client/activations} (CONTRACT section 2). Clients authenticate check-in and
 * deactivation with their activation token, checked by {@link ActivationService}.
 */
@Path("/v1/client/activations")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped // stateless: one instance, injected once, instead of a new one per request (check-ins are the hot path)
public class ClientActivationsResource {

    /** The optional check-in body. */
    public record CheckIn(String appVersion, String hostOs) {
    }

    // factories made once: Json.createObjectBuilder() and friends look the provider up on every call
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    /** The last configuration profile parsed (JsonObject is immutable): most clients share one. */
    private static volatile Map.Entry<String, JsonObject> lastProfile = Map.entry("", JsonValue.EMPTY_JSON_OBJECT);

    @EJB
    ActivationService activations;

    @Inject
    CheckInService checkIns;

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
        ClientLicense license = checkIns.checkIn(activationId, token(authorization), checkIn.appVersion(),
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
        JsonValue parsed;
        try (JsonReader reader = READERS.createReader(new StringReader(body))) {
            parsed = reader.readValue();
        } catch (JsonException malformed) {
            throw KeyholdException.badRequest("body", "is not valid JSON");
        }
        if (parsed.getValueType() == JsonValue.ValueType.NULL) {
            return new CheckIn(null, null);
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            throw KeyholdException.badRequest("body", "must be a JSON object");
        }
        JsonObject object = parsed.asJsonObject();
        return new CheckIn(text(object.get("appVersion")), text(object.get("hostOs")));
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static JsonObject profile(String json) {
        Map.Entry<String, JsonObject> last = lastProfile;
        if (!last.getKey().equals(json)) {
            try (JsonReader reader = READERS.createReader(new StringReader(json))) {
                last = Map.entry(json, reader.readObject());
            }
            lastProfile = last;
        }
        return last.getValue();
    }

    private static JsonObjectBuilder json(ClientLicense license) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        if (license.activationToken() != null) {
            json.add("activationId", license.activationId()).add("activationToken", license.activationToken());
        }
        JsonObject profile = profile(license.profileJson());
        return json.add("status", license.status().name())
                .add("keyName", license.keyName())
                .add("expiresAt", license.expiresAt().toString())
                .add("nextCheckInSeconds", license.nextCheckInSeconds())
                .add("configurationProfile", profile == null ? JsonValue.NULL : profile)
                .add("certificate", license.certificate());
    }
}
