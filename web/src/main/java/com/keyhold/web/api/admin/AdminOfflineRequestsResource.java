package com.keyhold.web.api.admin;


import com.keyhold.proxy.OfflineRequests;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/v1/admin/offline-requests}: a proxy's request file in, the signed response file
 * out (CONTRACT section 4; SPEC S3, S4, S7, S9). The body is limited to 1 MB before it is read
 * ({@code BodyLimits}); the parsing and every rule are in {@link OfflineRequests}.
 */
@Path("/v1/admin/offline-requests")
public class AdminOfflineRequestsResource {

    @EJB
    OfflineRequests offline;

    @Inject
    SecurityContext securityContext;

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "Honour an offline request file (ACTIVATE, REFRESH, DEACTIVATE); answers the response file")
    public Response honour(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, byte[] file) {
        OfflineRequests.OfflineResponse answer = offline.honour(securityContext.getCallerPrincipal().getName(), accountId, file);
        return Response.ok(answer.file(), MediaType.APPLICATION_XML + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"keyhold-"
                        + answer.type().name().toLowerCase(Locale.ROOT) + "-response.xml\"")
                .build();
    }
}
