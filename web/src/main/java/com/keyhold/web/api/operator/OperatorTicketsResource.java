package com.keyhold.web.api.operator;

import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketView;
import com.keyhold.web.api.admin.AdminTicketsResource;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The support desk of the vendor's agents (operators, SPEC T1): every account's tickets, answers, internal notes, status. */
@Path("/v1/operator/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorTicketsResource {

    public record Answer(String body, boolean internal) {
    }

    public record Status(String status) {
    }

    @EJB
    SupportTickets tickets;

    @GET
    @Operation(summary = "Every account's tickets", description = "?status=&accountId=")
    public Map<String, List<TicketView>> list(@QueryParam("status") String status, @QueryParam("accountId") String accountId) {
        return Map.of("items", tickets.all(AdminTicketsResource.parseStatus(status), accountId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A ticket with its whole conversation", description = "internal notes included")
    public TicketView get(@PathParam("id") String id) {
        return tickets.agentView(id);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer, or add an internal note", description = "{body, internal}: an answer makes the ticket Awaiting"
            + " reply and emails its owner and watchers; an internal note is never shown to the customer")
    public TicketView answer(@PathParam("id") String id, Answer answer) {
        return tickets.answer(id, answer == null ? null : answer.body(), answer != null && answer.internal());
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public jakarta.ws.rs.core.Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        return AdminTicketsResource.served(tickets.agentAttachment(id, attachmentId));
    }

    @PUT
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the status", description = "{status: OPEN|AWAITING_REPLY|RESOLVED|CLOSED}")
    public TicketView status(@PathParam("id") String id, Status status) {
        return tickets.setStatus(id, AdminTicketsResource.parseStatus(status == null ? null : status.status()));
    }
}
