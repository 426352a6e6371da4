package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.invitation.InstallInvitationService;
import com.keyhold.invitation.InstallInvitationView;
import com.keyhold.invitation.InvitationBatch;
import com.keyhold.user.Language;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/v1/admin/keys/{id}/invitations}: invitations to install with a key (SPEC I1–I4,
 * CONTRACT section 6). Revoke and resend live at {@code /api/v1/admin/invitations/{id}}
 * ({@link AdminInvitationResource}).
 */
@Path("/v1/admin/keys/{keyId}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInstallInvitationsResource {

    /** {@code send}: email each address (default), or only return the codes (Download Invitations). */
    public record InviteBody(List<String> emails, String language, Integer expiresInDays, Boolean send) {
    }

    @EJB
    InstallInvitationService invitations;

    @Inject
    SecurityContext securityContext;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite users to install with this key", description = "{emails, language: EN|DE, expiresInDays:"
            + " 1|3|7|14|30, send?: true} → 201 {items: [{id, email, code, downloadUrl, expiresAt, status}], rejected:"
            + " [{email, reason}]}; the codes appear only in this answer")
    public Response invite(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("keyId") String keyId,
            InviteBody body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        InvitationBatch batch = invitations.invite(callerId(), accountId, keyId, body.emails(), language(body.language()),
                body.expiresInDays(), body.send() == null || body.send());
        return Response.status(Response.Status.CREATED).entity(batch).build();
    }

    @GET
    @Operation(summary = "The key's invitations to install, newest first, with status PENDING, USED, EXPIRED or REVOKED")
    public Map<String, List<InstallInvitationView>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @PathParam("keyId") String keyId) {
        return Map.of("items", invitations.invitations(callerId(), accountId, keyId));
    }

    private String callerId() {
        return securityContext.getCallerPrincipal().getName();
    }

    static Language language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Language.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw KeyholdException.badRequest("language", "must be EN or DE");
        }
    }
}
