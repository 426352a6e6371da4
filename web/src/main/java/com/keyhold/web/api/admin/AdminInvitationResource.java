package com.keyhold.web.api.admin;

import com.keyhold.invitation.InstallInvitationService;
import com.keyhold.invitation.InstallInvitationView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/v1/admin/invitations/{id}}: revoke or resend one invitation to install (SPEC I4). */
@Path("/v1/admin/invitations/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AdminInvitationResource {

    @EJB
    InstallInvitationService invitations;

    @Inject
    SecurityContext securityContext;

    @DELETE
    @Operation(summary = "Revoke a pending invitation to install: its code stops working at once")
    public Response revoke(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        invitations.revoke(securityContext.getCallerPrincipal().getName(), accountId, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/resend")
    @Operation(summary = "Resend an invitation to install with a new code (the old one stops working)")
    public InstallInvitationView resend(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return invitations.resend(securityContext.getCallerPrincipal().getName(), accountId, id);
    }
}
