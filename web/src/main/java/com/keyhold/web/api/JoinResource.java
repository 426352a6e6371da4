package com.keyhold.web.api;

import com.keyhold.account.JoinPreview;
import com.keyhold.account.MemberInvitationService;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Accepting an invitation to join (SPEC A5) without the join page, for scripts and tests. The token
 * travels in the body, never in a URL that servers log. Public: the token is the credential.
 */
@Path("/v1/invitations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class JoinResource {

    public record TokenBody(String token) {
    }

    /** An existing user sends {@code password}; a new one {@code firstName}, {@code lastName} and {@code password}. */
    public record Acceptance(String token, String password, String firstName, String lastName, Boolean termsAccepted) {
    }

    public record Preview(String accountName, String email, boolean existingUser) {
    }

    @EJB
    MemberInvitationService invitations;

    @POST
    @Path("/preview")
    @Operation(summary = "What an invitation is for", description = "404 NOT_FOUND, 409 CODE_ALREADY_USED, 410 CODE_EXPIRED")
    public Preview preview(TokenBody body) {
        JoinPreview preview = invitations.preview(body == null ? null : body.token());
        return new Preview(preview.getAccountName(), preview.getEmail(), preview.isExistingUser());
    }

    @POST
    @Path("/acceptance")
    @Operation(summary = "Accept an invitation", description = "→ 200 {accountId}; the joiner is a Regular Member"
            + " (or License Administrator of the key they were invited for)")
    public Map<String, String> accept(Acceptance body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        String accountId = body.firstName() == null && body.lastName() == null
                ? invitations.acceptAsExistingUser(body.token(), body.password())
                : invitations.acceptAsNewUser(body.token(), body.firstName(), body.lastName(), body.password(),
                        body.password(), !Boolean.FALSE.equals(body.termsAccepted()));
        return Map.of("accountId", accountId);
    }
}
