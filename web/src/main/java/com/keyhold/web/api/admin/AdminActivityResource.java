package com.keyhold.web.api.admin;

import com.keyhold.activity.ActivityFilter;
import com.keyhold.activity.ActivityItem;
import com.keyhold.activity.ActivityResults;
import com.keyhold.activity.ActivityQuery;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The activity log of the caller's account for its administrators (CONTRACT section 6, issue 9).
 * The service reads the caller from the container, so no id from the request decides whose log this is.
 */
@Path("/v1/admin/activity")
@Produces(MediaType.APPLICATION_JSON)
public class AdminActivityResource {

    /** Who acted; absent (null) for an anonymous action such as joining through an invitation link. */
    public record ActorJson(String id, String email) {
    }

    /** An entry as CONTRACT section 6 describes it. */
    public record ItemJson(String id, Instant at, ActorJson actor, String accountId, String action, String objectType,
            String objectId, String summary, String ip) {
        public static ItemJson of(ActivityItem i) {
            return new ItemJson(i.getId(), i.getAt(), i.getActorId() == null ? null : new ActorJson(i.getActorId(),
                    i.getActorEmail()), i.getAccountId(), i.getAction(), i.getObjectType(), i.getObjectId(), i.getSummary(),
                    i.getIp());
        }
    }

    public record ItemList(List<ItemJson> items, long total, int page, int size) {
        public static ItemList of(ActivityResults found) {
            return new ItemList(found.items().stream().map(ItemJson::of).toList(), found.total(), found.page(), found.size());
        }
    }

    @EJB
    ActivityQuery activity;

    @GET
    @Operation(summary = "The account's activity log, newest first (account administrators)",
            description = "actor: a user id or part of an email; action: KEY.CREATED or a family KEY.*; from, to: a date"
                    + " (2026-11-23, whole day) or an ISO-8601 instant, both included; page from 0, size up to 500")
    public ItemList list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + ActivityQuery.DEFAULT_PAGE_SIZE) int size) {
        return ItemList.of(activity.forAccount(accountId, ActivityFilter.parse(actor, action, from, to), page, size));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The filtered log as CSV, newest first, streamed; cells are safe to open in a spreadsheet")
    public Response export(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to) {
        ActivityFilter filter = ActivityFilter.parse(actor, action, from, to);
        // Fail before streaming starts, so refusals still answer in the JSON error format.
        activity.requireExportable(accountId);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            activity.exportCsv(accountId, filter, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"activity.csv\"")
                .build();
    }
}
