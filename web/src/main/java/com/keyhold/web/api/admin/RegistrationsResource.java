package com.keyhold.web.api.admin;

import com.keyhold.account.CompanyDetails;
import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.RegistrationService;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/v1/admin/registrations}: register a key (SPEC L2, A2; CONTRACT section 6). */
@Path("/v1/admin/registrations")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    public record Company(String name, String country, String zip, String phone, String street, String city,
            String state) {
    }

    public record Registration(String key, String name, Company company) {
    }

    @EJB
    RegistrationService registrations;

    @Inject
    SecurityContext securityContext;

    @POST
    @Operation(summary = "Register a key", description = "201 {accountId, subscriptionId}; 409 KEY_ALREADY_REGISTERED; 404 INVALID_KEY")
    public Response register(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, Registration body) {
        if (body == null || body.key() == null || body.key().isBlank()) {
            throw KeyholdException.badRequest("key", "is required");
        }
        Company c = body.company();
        RegistrationService.Registered registered = registrations.register(
                securityContext.getCallerPrincipal().getName(), accountId, body.key(), body.name(),
                c == null ? null : new CompanyDetails(c.name(), c.country(), c.zip(), c.phone(), c.street(), c.city(), c.state()));
        return Response.status(Response.Status.CREATED).entity(registered).build();
    }
}
