package com.keyhold.web.scim;

import com.keyhold.scim.ScimGroupView;
import com.keyhold.scim.ScimPage;
import com.keyhold.scim.ScimService;
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
 * SCIM Groups (RFC 7644; CONTRACT section 8) of the SCIM token's account; {@code excludedAttributes=members}
 * (as Entra ID asks) leaves the member list out.
 */
@Path("/v2/Groups")
@Produces({ScimApi.MEDIA_TYPE, "application/json"})
public class ScimGroupsResource {

    @EJB
    ScimService scim;

    @Context
    UriInfo uri;

    @GET
    public Response list(@QueryParam("filter") String filter, @QueryParam("startIndex") @DefaultValue("1") int startIndex,
            @QueryParam("count") @DefaultValue("100") int count, @QueryParam("excludedAttributes") String excluded) {
        ScimPage<ScimGroupView> page = scim.groups(filter, startIndex, count, withMembers(excluded));
        return ScimUsersResource.okJson(ScimJson.list(page, g -> ScimJson.group(g, base())));
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id, @QueryParam("excludedAttributes") String excluded) {
        return ScimUsersResource.okJson(ScimJson.group(scim.group(id, withMembers(excluded)), base()));
    }

    @POST
    public Response create(String body) {
        ScimGroupView group = scim.createGroup(ScimJson.read(body));
        return Response.status(Response.Status.CREATED).type(ScimApi.MEDIA_TYPE)
                .entity(ScimJson.group(group, base()).toString())
                .location(java.net.URI.create(base() + "/Groups/" + group.id())).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@PathParam("id") String id, String body) {
        return ScimUsersResource.okJson(ScimJson.group(scim.replaceGroup(id, ScimJson.read(body)), base()));
    }

    @PATCH
    @Path("/{id}")
    public Response patch(@PathParam("id") String id, String body) {
        return ScimUsersResource.okJson(ScimJson.group(scim.patchGroup(id, ScimJson.read(body)), base()));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        scim.deleteGroup(id);
        return Response.noContent().build();
    }

    private static boolean withMembers(String excluded) {
        return excluded == null || !excluded.toLowerCase(java.util.Locale.ROOT).contains("members");
    }

    private String base() {
        return uri.getBaseUriBuilder().path("v2").build().toString();
    }
}
