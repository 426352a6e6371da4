package com.keyhold.web.api.operator;

import com.keyhold.activity.ActivityFilter;
import com.keyhold.activity.ActivityQuery;
import com.keyhold.web.api.admin.AdminActivityResource.ItemList;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v1/operator/activity}: the activity log of every account (CONTRACT section 7, issue 9). */
@Path("/v1/operator/activity")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorActivityResource {

    @EJB
    ActivityQuery activity;

    @GET
    @Operation(summary = "Every account's activity log, newest first (operators)",
            description = "Same items and filters as GET /api/v1/admin/activity; accountId narrows it to one account")
    public ItemList list(@QueryParam("accountId") String accountId, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("" + ActivityQuery.DEFAULT_PAGE_SIZE) int size) {
        return ItemList.of(activity.forOperator(accountId, ActivityFilter.parse(actor, action, from, to), page, size));
    }
}
