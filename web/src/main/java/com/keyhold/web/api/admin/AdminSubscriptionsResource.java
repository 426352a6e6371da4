package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.KeyChange;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.KeyView;
import com.keyhold.licensekey.LicenseKeyService;
import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.SubscriptionView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Subscriptions and license keys of the caller's account (CONTRACT section 6; SPEC L1–L7). */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSubscriptionsResource {

    /** A key as CONTRACT section 6 describes it. */
    public record KeyJson(String id, String name, String key, String type, int quota, int used, int available,
            LocalDate expiresAt, boolean renewsWithSubscription, @JsonbNillable String profileId, int queuedDeactivations) {
        static KeyJson of(KeyView k) {
            return new KeyJson(k.getId(), k.getName(), k.getKey(), k.getType().name(), k.getQuota(), k.getUsed(),
                    k.getAvailable(), k.getExpiresOn(), k.isRenewsWithSubscription(), k.getProfileId(), k.getQueuedDeactivations());
        }
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The body of key creation and change. */
    public record KeyBody(String name, String type, Integer quota, LocalDate expiresAt, Boolean renewWithSubscription,
            Boolean confirm, String profileId) {
        KeyChange change() {
            KeyType keyType;
            try {
                keyType = type == null ? null : KeyType.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw KeyholdException.badRequest("type", "must be RESERVED or DYNAMIC");
            }
            return new KeyChange(name, keyType, quota, expiresAt, renewWithSubscription);
        }
    }

    @EJB
    AccountSubscriptions subscriptions;

    @EJB
    LicenseKeyService keys;

    @Inject
    SecurityContext securityContext;

    @GET
    @Path("/subscriptions")
    @Operation(summary = "Subscriptions of the account",
            description = "display=ALL|ACTIVE|EXPIRING_SOON|EXPIRED, q, sort=NAME|START_DATE|END_DATE, direction=ASC|DESC, product (a product code)")
    public Map<String, List<SubscriptionView>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("display") @DefaultValue("ALL") String display, @QueryParam("q") String search,
            @QueryParam("sort") @DefaultValue("END_DATE") String sort, @QueryParam("direction") @DefaultValue("ASC") String direction,
            @QueryParam("product") String product) {
        boolean descending = parse(Direction.class, "direction", direction) == Direction.DESC;
        return Map.of("items", subscriptions.list(caller(), accountId, parse(AccountSubscriptions.Display.class, "display", display),
                search, parse(AccountSubscriptions.Arrange.class, "sort", sort), descending,
                product == null || product.isBlank() ? null : product.strip()));
    }

    /** The direction of the Arrange by choice. */
    enum Direction {
        ASC, DESC
    }

    @GET
    @Path("/subscriptions/{id}")
    public SubscriptionView get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return subscriptions.get(caller(), accountId, id);
    }

    @GET
    @Path("/subscriptions/{id}/keys")
    @Operation(summary = "License keys of a subscription with their seats (L5)")
    public Map<String, List<KeyJson>> keys(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return Map.of("items", keys.keysOf(caller(), accountId, id).stream().map(KeyJson::of).toList());
    }

    @GET
    @Path("/keys")
    @Operation(summary = "License keys the caller manages",
            description = "Every key for an account administrator; a license administrator's own keys (A6); 403 for regular members")
    public Map<String, List<KeyJson>> managedKeys(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("subscriptionId") String subscriptionId) {
        return Map.of("items", keys.managedKeys(caller(), accountId, subscriptionId).stream().map(KeyJson::of).toList());
    }

    @POST
    @Path("/subscriptions/{id}/keys")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a reserved or dynamic key", description = "409 INSUFFICIENT_SEATS (L6)")
    public Response createKey(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id, KeyBody body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(KeyJson.of(keys.create(caller(), accountId, id, body.change()))).build();
    }

    @PATCH
    @Path("/keys/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a key's name, quota, expiry or configuration profile",
            description = "409 CONFIRMATION_REQUIRED with wouldDeactivate (L7); {\"profileId\": null} puts the key on Default (P2)")
    public KeyJson changeKey(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            @QueryParam("confirm") @DefaultValue("false") boolean confirmParam, String json) {
        // Read as text: "profileId": null (back to Default) differs from no profileId at all (unchanged).
        KeyBody body = json == null || json.isBlank() ? null : readBody(json, KeyBody.class);
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        boolean confirm = confirmParam || Boolean.TRUE.equals(body.confirm());
        KeyChange change = body.change();
        if (namesProfile(json)) {
            change = change.withProfile(body.profileId());
        }
        return KeyJson.of(keys.change(caller(), accountId, id, change, confirm));
    }

    private static boolean namesProfile(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT && value.asJsonObject().containsKey("profileId");
        }
    }

    @DELETE
    @Path("/keys/{id}")
    @Operation(summary = "Delete an additional key", description = "deactivates its installations; 409 CONFIRMATION_REQUIRED without confirm")
    public Map<String, Integer> deleteKey(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            @QueryParam("confirm") @DefaultValue("false") boolean confirmParam, String json) {
        // CONTRACT section 6: {"confirm": true} in the body, as for PATCH; the query form stays accepted
        DeleteBody body = json == null || json.isBlank() ? new DeleteBody(null, null) : readBody(json, DeleteBody.class);
        boolean confirm = confirmParam || Boolean.TRUE.equals(body.confirm());
        LicenseKeyService.Deletion done = keys.delete(caller(), accountId, id, confirm, body.moveToKeyId());
        return Map.of("deactivated", done.deactivated(), "moved", done.moved());
    }

    /** The optional body of a key deletion: the confirmation, and a key of the same subscription to move the computers to. */
    public record DeleteBody(Boolean confirm, String moveToKeyId) {
    }

    @POST
    @Path("/keys/{id}/reveal")
    @Operation(summary = "The full license key (L9)", description = "recorded in the activity log; a license administrator's own keys only")
    public Map<String, String> reveal(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return Map.of("key", keys.reveal(caller(), accountId, id));
    }

    private static <T> T readBody(String json, Class<T> type) {
        try {
            return JSONB.fromJson(json, type);
        } catch (jakarta.json.bind.JsonbException e) {
            throw KeyholdException.badRequest("body", "is not valid JSON of the expected form");
        }
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw KeyholdException.badRequest(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
