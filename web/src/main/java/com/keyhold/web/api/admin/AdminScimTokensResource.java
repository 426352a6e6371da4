package com.keyhold.web.api.admin;

import com.keyhold.scim.ScimTokenService;
import com.keyhold.scim.ScimTokenView;
import com.keyhold.security.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** SCIM tokens of the account (SPEC O3, CONTRACT section 6), account administrators of business accounts only. */
@Path("/v1/admin/scim-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AdminScimTokensResource {

    public record TokenRequest(String name) {
    }

    public record CreatedToken(String id, String name, String token) {
    }

    public record TokenJson(String id, String name, String createdAt, String lastUsedAt) {
        static TokenJson of(ScimTokenView v) {
            return new TokenJson(v.id(), v.name(), v.createdAt().toString(),
                    v.lastUsedAt() == null ? null : v.lastUsedAt().toString());
        }
    }

    @EJB
    ScimTokenService tokens;

    @Inject
    SecurityContext securityContext;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a SCIM token", description = "201 {id, name, token}: the token is shown only here")
    public Response create(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, TokenRequest body) {
        IssuedToken issued = tokens.create(caller(), accountId, body == null ? null : body.name());
        return Response.status(Response.Status.CREATED).entity(new CreatedToken(issued.id(), issued.name(), issued.token()))
                .build();
    }

    @GET
    @Operation(summary = "The account's SCIM tokens", description = "never the tokens themselves")
    public Map<String, List<TokenJson>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        return Map.of("items", tokens.list(caller(), accountId).stream().map(TokenJson::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a SCIM token", description = "the identity provider's next request with it answers 401")
    public Response revoke(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        tokens.revoke(caller(), accountId, id);
        return Response.noContent().build();
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
