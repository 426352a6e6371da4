package com.keyhold.web.api;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.Language;
import com.keyhold.user.SignUpRequest;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Self sign-up for scripts (CONTRACT section 6, SPEC A1): the same rules as the sign-up page. */
@Path("/v1/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** {@code language} is optional ("en" or "de"); calling the API accepts the terms of use. */
    public record CreateUser(String email, String firstName, String lastName, String password, String language) {
    }

    public record Created(String id) {
    }

    @EJB
    UserService users;

    @POST
    @Operation(summary = "Sign up a user", description = "201 {id}; 409 EMAIL_TAKEN; 400 BAD_REQUEST with violations")
    public Response signUp(CreateUser body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        String id = users.signUp(new SignUpRequest(body.email(), body.firstName(), body.lastName(),
                body.password(), body.password(), Language.fromTag(body.language()), true));
        return Response.status(Response.Status.CREATED).entity(new Created(id)).build();
    }
}
