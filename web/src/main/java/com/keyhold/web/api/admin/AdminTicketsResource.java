package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.support.SupportTicket;
import com.keyhold.support.SupportTickets;
import com.keyhold.support.TicketDraft;
import com.keyhold.support.TicketView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Support tickets of the caller in the account (SPEC T1, T2): any member creates tickets and sees their
 * own; the account's administrators see all of its tickets. Rules in {@link SupportTickets}.
 */
@Path("/v1/admin/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class AdminTicketsResource {

    public record Message(String body) {
    }

    public record Survey(Integer rating, String text) {
    }

    public record Watcher(String userId) {
    }

    @EJB
    SupportTickets tickets;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "My tickets (administrators: the account's)", description = "?status=OPEN|AWAITING_REPLY|RESOLVED|CLOSED")
    public Map<String, List<TicketView>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("status") String status) {
        return Map.of("items", tickets.list(caller(), accountId, parseStatus(status)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a ticket", description = "{product, category, subject, description}, all required; 201 with its number")
    public Response create(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, TicketDraft draft) {
        return Response.status(Response.Status.CREATED).entity(tickets.create(caller(), accountId, draft)).build();
    }

    @GET
    @Path("/{id}")
    public TicketView get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return tickets.get(caller(), accountId, id);
    }

    @POST
    @Path("/{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply", description = "{body}; the ticket is Open again (support's turn)")
    public TicketView reply(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id, Message message) {
        return tickets.reply(caller(), accountId, id, message == null ? null : message.body());
    }

    @POST
    @Path("/{id}/close")
    public TicketView close(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return tickets.close(caller(), accountId, id);
    }

    @POST
    @Path("/{id}/reopen")
    @Operation(summary = "Reopen a resolved ticket")
    public TicketView reopen(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return tickets.reopen(caller(), accountId, id);
    }

    @POST
    @Path("/{id}/survey")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate a resolved ticket", description = "{rating: 1-5, text?}")
    public TicketView survey(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id, Survey survey) {
        return tickets.survey(caller(), accountId, id, survey == null ? null : survey.rating(), survey == null ? null : survey.text());
    }

    @POST
    @Path("/{id}/watchers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a watcher", description = "{userId} of another administrator of the account; the owner only (T2)")
    public TicketView addWatcher(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            Watcher watcher) {
        return tickets.addWatcher(caller(), accountId, id, watcher == null ? null : watcher.userId());
    }

    @DELETE
    @Path("/{id}/watchers/{userId}")
    public TicketView removeWatcher(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            @PathParam("userId") String userId) {
        return tickets.removeWatcher(caller(), accountId, id, userId);
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach a file", description = "the raw bytes, ?fileName=; at most 10 MB (413); 400 when the content"
            + " is not a PDF, ZIP, disk image, installer package, PNG or plain text")
    public Response attach(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            @QueryParam("fileName") String fileName, byte[] content) {
        return Response.status(Response.Status.CREATED).entity(tickets.attach(caller(), accountId, id, fileName, content)).build();
    }

    @GET
    @Path("/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Fetch an attachment", description = "as an attachment with nosniff, to those who may see the ticket")
    public Response attachment(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        return served(tickets.attachment(caller(), accountId, id, attachmentId));
    }

    /** An attachment as a download a browser never renders: attachment disposition, its detected type, nosniff, a sandbox. */
    public static Response served(com.keyhold.support.TicketAttachment attachment) {
        Response.ResponseBuilder response = Response.ok(attachment.getContent(), attachment.getContentType());
        com.keyhold.web.http.AttachmentHeaders.of(attachment.getFileName(), attachment.getSha256()).forEach(response::header);
        return response.build();
    }

    public static SupportTicket.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return SupportTicket.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw KeyholdException.badRequest("status", "must be OPEN, AWAITING_REPLY, RESOLVED or CLOSED");
        }
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
