package com.keyhold.web.scim;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * What the SCIM service supports (RFC 7644 section 4): ServiceProviderConfig (PATCH and filter yes;
 * bulk, sort, password change and ETags no), the two resource types and their schemas, with the
 * attributes Keyhold keeps.
 */
@Path("/v2")
@Produces({ScimApi.MEDIA_TYPE, "application/json"})
public class ScimDiscoveryResource {

    private static final String CONFIG_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    @GET
    @Path("/ServiceProviderConfig")
    public Response serviceProviderConfig() {
        return ScimUsersResource.okJson(Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(CONFIG_SCHEMA))
                .add("documentationUri", "https://keyhold.example/docs/scim")
                .add("patch", supported(true))
                .add("bulk", Json.createObjectBuilder().add("supported", false).add("maxOperations", 0).add("maxPayloadSize", 0))
                .add("filter", Json.createObjectBuilder().add("supported", true).add("maxResults", 500))
                .add("changePassword", supported(false))
                .add("sort", supported(false))
                .add("etag", supported(false))
                .add("authenticationSchemes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "oauthbearertoken").add("name", "OAuth Bearer Token")
                        .add("description", "A SCIM token created on Keyhold's Identity Provider page").add("primary", true)))
                .add("meta", Json.createObjectBuilder().add("resourceType", "ServiceProviderConfig"))
                .build());
    }

    @GET
    @Path("/ResourceTypes")
    public Response resourceTypes() {
        return ScimUsersResource.okJson(Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimJson.LIST_SCHEMA))
                .add("totalResults", 2).add("startIndex", 1).add("itemsPerPage", 2)
                .add("Resources", Json.createArrayBuilder().add(resourceType("User", "/Users", ScimJson.USER_SCHEMA))
                        .add(resourceType("Group", "/Groups", ScimJson.GROUP_SCHEMA)))
                .build());
    }

    @GET
    @Path("/ResourceTypes/{name}")
    public Response resourceType(@PathParam("name") String name) {
        return switch (name) {
            case "User" -> ScimUsersResource.okJson(resourceType("User", "/Users", ScimJson.USER_SCHEMA));
            case "Group" -> ScimUsersResource.okJson(resourceType("Group", "/Groups", ScimJson.GROUP_SCHEMA));
            default -> throw com.keyhold.scim.ScimException.notFound("ResourceType " + name);
        };
    }

    @GET
    @Path("/Schemas")
    public Response schemas() {
        return ScimUsersResource.okJson(Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(ScimJson.LIST_SCHEMA))
                .add("totalResults", 2).add("startIndex", 1).add("itemsPerPage", 2)
                .add("Resources", Json.createArrayBuilder().add(userSchema()).add(groupSchema()))
                .build());
    }

    @GET
    @Path("/Schemas/{id}")
    public Response schema(@PathParam("id") String id) {
        if (id.equals(ScimJson.USER_SCHEMA)) {
            return ScimUsersResource.okJson(userSchema());
        }
        if (id.equals(ScimJson.GROUP_SCHEMA)) {
            return ScimUsersResource.okJson(groupSchema());
        }
        throw com.keyhold.scim.ScimException.notFound("Schema " + id);
    }

    private static JsonObject resourceType(String name, String endpoint, String schema) {
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(RESOURCE_TYPE_SCHEMA))
                .add("id", name).add("name", name).add("endpoint", endpoint).add("schema", schema)
                .add("meta", Json.createObjectBuilder().add("resourceType", "ResourceType")).build();
    }

    private static JsonObject userSchema() {
        JsonArrayBuilder attributes = Json.createArrayBuilder()
                .add(attribute("userName", "string", true, "server"))
                .add(attribute("externalId", "string", false, "none"))
                .add(attribute("displayName", "string", false, "none"))
                .add(Json.createObjectBuilder(attribute("name", "complex", false, "none"))
                        .add("subAttributes", Json.createArrayBuilder().add(attribute("givenName", "string", false, "none"))
                                .add(attribute("familyName", "string", false, "none"))))
                .add(Json.createObjectBuilder(attribute("emails", "complex", false, "none")).add("multiValued", true)
                        .add("subAttributes", Json.createArrayBuilder().add(attribute("value", "string", false, "none"))
                                .add(attribute("type", "string", false, "none")).add(attribute("primary", "boolean", false, "none"))))
                .add(attribute("active", "boolean", false, "none"));
        return schemaOf(ScimJson.USER_SCHEMA, "User", attributes);
    }

    private static JsonObject groupSchema() {
        JsonArrayBuilder attributes = Json.createArrayBuilder()
                .add(attribute("displayName", "string", true, "none"))
                .add(Json.createObjectBuilder(attribute("members", "complex", false, "none")).add("multiValued", true)
                        .add("subAttributes", Json.createArrayBuilder().add(attribute("value", "string", false, "none"))
                                .add(attribute("display", "string", false, "none"))));
        return schemaOf(ScimJson.GROUP_SCHEMA, "Group", attributes);
    }

    private static JsonObject schemaOf(String id, String name, JsonArrayBuilder attributes) {
        return Json.createObjectBuilder().add("schemas", Json.createArrayBuilder().add(SCHEMA_SCHEMA))
                .add("id", id).add("name", name).add("attributes", attributes)
                .add("meta", Json.createObjectBuilder().add("resourceType", "Schema")).build();
    }

    private static JsonObject attribute(String name, String type, boolean required, String uniqueness) {
        return Json.createObjectBuilder().add("name", name).add("type", type).add("multiValued", false)
                .add("required", required).add("caseExact", false).add("mutability", "readWrite")
                .add("returned", "default").add("uniqueness", uniqueness).build();
    }

    private static JsonObjectBuilder supported(boolean value) {
        return Json.createObjectBuilder().add("supported", value);
    }
}
