package com.keyhold.web.scim;

import com.keyhold.scim.ScimException;
import com.keyhold.scim.ScimGroupView;
import com.keyhold.scim.ScimPage;
import com.keyhold.scim.ScimUserView;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.List;
import java.util.function.Function;

/** The SCIM wire format (RFC 7643, RFC 7644): resources, list responses, errors; and reading request bodies. */
final class ScimJson {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimJson() {
    }

    /** A request body as a JSON object; anything else is {@code invalidSyntax}. */
    static JsonObject read(String body) {
        if (body == null || body.isBlank()) {
            throw new ScimException(400, "invalidSyntax", "a JSON body is required");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonParsingException | ClassCastException e) {
            throw new ScimException(400, "invalidSyntax", "the body is not a JSON object");
        } catch (JsonException e) {
            throw new ScimException(400, "invalidSyntax", "the body is not a JSON object");
        }
    }

    static JsonObject user(ScimUserView u, String baseUrl) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(USER_SCHEMA))
                .add("id", u.id())
                .add("userName", u.userName())
                .add("active", u.active());
        optional(b, "externalId", u.externalId());
        optional(b, "displayName", u.displayName());
        if (u.givenName() != null || u.familyName() != null) {
            JsonObjectBuilder name = Json.createObjectBuilder();
            optional(name, "givenName", u.givenName());
            optional(name, "familyName", u.familyName());
            b.add("name", name);
        }
        if (u.email() != null) {
            b.add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("value", u.email()).add("type", "work").add("primary", true)));
        }
        b.add("meta", meta("User", u.created(), u.lastModified(), u.version(), baseUrl + "/Users/" + u.id()));
        return b.build();
    }

    static JsonObject group(ScimGroupView g, String baseUrl) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(GROUP_SCHEMA))
                .add("id", g.id())
                .add("displayName", g.displayName());
        optional(b, "externalId", g.externalId());
        if (g.members() != null) {
            JsonArrayBuilder members = Json.createArrayBuilder();
            g.members().forEach(m -> members.add(Json.createObjectBuilder().add("value", m.value())
                    .add("display", m.display()).add("$ref", baseUrl + "/Users/" + m.value())));
            b.add("members", members);
        }
        b.add("meta", meta("Group", g.created(), g.lastModified(), g.version(), baseUrl + "/Groups/" + g.id()));
        return b.build();
    }

    static <T> JsonObject list(ScimPage<T> page, Function<T, JsonObject> render) {
        JsonArrayBuilder resources = Json.createArrayBuilder();
        page.resources().forEach(r -> resources.add(render.apply(r)));
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(LIST_SCHEMA))
                .add("totalResults", page.totalResults())
                .add("startIndex", page.startIndex())
                .add("itemsPerPage", page.resources().size())
                .add("Resources", resources)
                .build();
    }

    static JsonObject error(int status, String scimType, String detail) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ERROR_SCHEMA))
                .add("status", Integer.toString(status));
        optional(b, "scimType", scimType);
        optional(b, "detail", detail);
        return b.build();
    }

    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    private static JsonObject meta(String type, java.time.Instant created, java.time.Instant modified, long version,
            String location) {
        return Json.createObjectBuilder().add("resourceType", type).add("created", created.toString())
                .add("lastModified", modified.toString()).add("version", etag(version)).add("location", location).build();
    }

    private static void optional(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    static List<String> schemas(JsonObject resource) {
        return resource.containsKey("schemas") && resource.get("schemas") instanceof jakarta.json.JsonArray a
                ? a.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList()
                : List.of();
    }
}
