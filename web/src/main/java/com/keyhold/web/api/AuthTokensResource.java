package com.keyhold.web.api;

import com.keyhold.security.ApiTokenService;
import com.keyhold.security.IssuedToken;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/auth/tokens} (CONTRACT section 6): HTTP Basic with email and password, checked
 * by the authentication mechanism before this runs; creates a personal API token, shown once.
 */
@Path("/v1/auth/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AuthTokensResource {

    public record CreateToken(String name, Integer expiresInDays) {
    }

    public record CreatedToken(String token, String id, String name, Instant expiresAt) {
    }

    @EJB
    ApiTokenService apiTokens;

    @Inject
    SecurityContext securityContext;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Create a personal API token (HTTP Basic)", description = "201 {token}; the token is shown only here")
    public Response create(CreateToken body) {
        CreateToken request = body == null ? new CreateToken(null, null) : body;
        IssuedToken issued = apiTokens.create(securityContext.getCallerPrincipal().getName(),
                request.name(), request.expiresInDays());
        return Response.status(Response.Status.CREATED)
                .entity(new CreatedToken(issued.token(), issued.id(), issued.name(), issued.expiresAt()))
                .build();
    }
}
