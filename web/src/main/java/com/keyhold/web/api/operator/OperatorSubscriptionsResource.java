package com.keyhold.web.api.operator;

import com.keyhold.common.KeyholdException;
import com.keyhold.subscription.IssueSubscription;
import com.keyhold.subscription.IssuedSubscription;
import com.keyhold.subscription.SubscriptionService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The vendor's provisioning of subscriptions (CONTRACT section 7, SPEC O1). */
@Path("/v1/operator/subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OperatorSubscriptionsResource {

    public record Renewal(LocalDate endsAt) {
    }

    public record Seats(Integer seats) {
    }

    @EJB
    SubscriptionService subscriptions;

    @Inject
    SecurityContext securityContext;

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }

    @POST
    @Operation(summary = "Issue a subscription", description = "201 {id, primaryKey}; the primary key is shown only here")
    public Response issue(IssueSubscription request) {
        if (request == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        IssuedSubscription issued = subscriptions.issue(caller(), request);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @POST
    @Path("/{id}/renewals")
    @Operation(summary = "Extend the end date")
    public Map<String, String> renew(@PathParam("id") String id, Renewal renewal) {
        subscriptions.renew(caller(), id, renewal == null ? null : renewal.endsAt());
        return Map.of("id", id);
    }

    @PUT
    @Path("/{id}/seats")
    @Operation(summary = "Set the seat total", description = "409 INSUFFICIENT_SEATS below what reserved keys and the pool use")
    public Map<String, String> changeSeats(@PathParam("id") String id, Seats seats) {
        if (seats == null || seats.seats() == null) {
            throw KeyholdException.badRequest("seats", "is required");
        }
        subscriptions.changeSeats(caller(), id, seats.seats());
        return Map.of("id", id);
    }
}
