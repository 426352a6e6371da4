package com.keyhold.web.scim;

import com.keyhold.scim.ScimPage;
import com.keyhold.scim.ScimService;
import com.keyhold.scim.ScimUserView;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * SCIM Users (RFC 7644 section 3; CONTRACT section 8) of the SCIM token's account. Bodies are read
 * as text and parsed here, so that any media type an identity provider sends
 * ({@code application/scim+json}, {@code application/json}) is accepted and a malformed body is a
 * SCIM {@code invalidSyntax} error.
 */
@Path("/v2/Users")
@Produces({ScimApi.MEDIA_TYPE, "application/json"})
public class ScimUsersResource {

    @EJB
    ScimService scim;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") @DefaultValue("1") int startIndex,
            @QueryParam("count") @DefaultValue("100") int count) {
        ScimPage<ScimUserView> page = scim.users(filter, startIndex, count);
        return okJson(ScimJson.list(page, u -> ScimJson.user(u, base())));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        ScimUserView user = scim.user(id);
        return ok(ScimJson.user(user, base())).tag(etag(user)).build();
    }

    @POST
    public Response create(String body) {
        ScimUserView user = scim.createUser(ScimJson.read(body));
        return Response.status(Response.Status.CREATED).type(ScimApi.MEDIA_TYPE).entity(ScimJson.user(user, base()).toString())
                .location(java.net.URI.create(base() + "/Users/" + user.id())).header("ETag", ScimJson.etag(user.version()))
                .build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@PathParam("id") String id, String body) {
        ScimUserView user = scim.replaceUser(id, ScimJson.read(body));
        return ok(ScimJson.user(user, base())).tag(etag(user)).build();
    }

    @PATCH
    @Path("/{id}")
    public Response patch(@PathParam("id") String id, String body) {
        ScimUserView user = scim.patchUser(id, ScimJson.read(body));
        return ok(ScimJson.user(user, base())).tag(etag(user)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        scim.deleteUser(id);
        return Response.noContent().build();
    }

    private String base() {
        return uri.getBaseUriBuilder().path("v2").build().toString();
    }

    private static jakarta.ws.rs.core.EntityTag etag(ScimUserView user) {
        return new jakarta.ws.rs.core.EntityTag(Long.toString(user.version()), true);
    }

    private static Response.ResponseBuilder ok(jakarta.json.JsonObject body) {
        return Response.ok(body.toString(), ScimApi.MEDIA_TYPE);
    }

    static Response okJson(jakarta.json.JsonObject body) {
        return Response.ok(body.toString(), ScimApi.MEDIA_TYPE).build();
    }
}
