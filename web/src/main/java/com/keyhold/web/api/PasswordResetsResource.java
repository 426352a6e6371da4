package com.keyhold.web.api;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.PasswordResetService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Password reset by email (SPEC A10), as the forgot-password and reset pages do it. Public. */
@Path("/v1/auth/password-resets")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetsResource {

    public record ResetRequest(String email) {
    }

    public record Confirmation(String token, String password) {
    }

    @EJB
    PasswordResetService resets;

    @POST
    @Operation(summary = "Email a reset link", description = "202 whether or not the email belongs to a user")
    public Response request(ResetRequest body) {
        resets.requestReset(body == null ? null : body.email());
        return Response.accepted().build();
    }

    @POST
    @Path("/confirmation")
    @Operation(summary = "Set a new password with a reset link's token", description = "204; ends every session and"
            + " remember-me sign-in; 404 NOT_FOUND, 409 CODE_ALREADY_USED, 410 CODE_EXPIRED")
    public Response confirm(Confirmation body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        resets.reset(body.token(), body.password(), body.password());
        return Response.noContent().build();
    }
}
