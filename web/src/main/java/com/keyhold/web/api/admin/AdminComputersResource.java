package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.computer.ComputerPage;
import com.keyhold.computer.ComputerQuery;
import com.keyhold.computer.ComputerRow;
import com.keyhold.computer.ComputerService;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Registered Computers of the caller's account (CONTRACT section 6; SPEC C2, C4–C8). */
@Path("/v1/admin/computers")
@Produces(MediaType.APPLICATION_JSON)
public class AdminComputersResource {

    /** A computer's configuration profile (SPEC P2): the built-in Default has id null. */
    public record ProfileRef(@JsonbNillable String id, String name) {
    }

    /** A computer as CONTRACT section 6 describes it. */
    public record ComputerJson(String id, String name, String computerName, String alias, String keyId, String keyName,
            String status, Instant lastContact, String appVersion, String hardwareId, String serialNumber,
            String macAddresses, String ipAddresses, String hostOs, String userName, Instant activatedAt,
            String activatedBy, String notes, ProfileRef configurationProfile, LocalDate expiresOn) {
        static ComputerJson of(ComputerRow r) {
            return new ComputerJson(r.getId(), r.getName(), r.getComputerName(), r.getAlias(), r.getKeyId(), r.getKeyName(),
                    r.getStatus().name(), r.getLastContact(), r.getAppVersion(), r.getHardwareId(), r.getSerialNumber(),
                    r.getMacAddresses(), r.getIpAddresses(), r.getHostOs(), r.getUserName(), r.getActivatedAt(),
                    r.getActivatedBy(), r.getNotes(), new ProfileRef(r.getConfigurationProfileId(), r.getConfigurationProfile()),
                    r.getExpiresOn());
        }
    }

    /** A page; {@code totalExact} is false when {@code countUpTo} was given and more computers match than that. */
    public record ComputerList(List<ComputerJson> items, long total, boolean totalExact, int page, int size) {
    }

    /** Either chosen ids, or "select all": the filter and the number of computers the caller saw it match. */
    public record ActionBody(List<String> ids, String targetKeyId, Filter filter, Long expected) {
    }

    /** The list's filters as the GET takes them. */
    public record Filter(String status, String display, String q, String profileId) {
    }

    public record Description(String alias, String notes) {
    }

    @EJB
    ComputerService computers;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "List computers", description = "status=ALL|ACTIVE|DEACTIVATED|BLACKLISTED, display=ALL|EXPIRING_SOON|EXPIRED,"
            + " q (text in the name, alias, hardware id, serial, user, MAC or IP addresses or key name, any case), profileId (a profile's id, or DEFAULT), sort=[-]column, page from 0, size up to 1000. total is exact; with countUpTo=N it is counted only up to N"
            + " (totalExact false when more match), which answers at once for accounts with hundreds of thousands of computers.")
    public ComputerList list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("status") @DefaultValue("ALL") String status, @QueryParam("display") @DefaultValue("ALL") String display,
            @QueryParam("q") String search, @QueryParam("sort") String sort, @QueryParam("profileId") String profileId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size,
            @QueryParam("countUpTo") Long countUpTo) {
        if (countUpTo != null && countUpTo < 1) {
            throw KeyholdException.badRequest("countUpTo", "must be at least 1");
        }
        ComputerPage found = computers.list(caller(), accountId,
                query(status, display, search, sort, page, size).withProfile(profileId),
                countUpTo == null ? Long.MAX_VALUE : countUpTo);
        return new ComputerList(found.items().stream().map(ComputerJson::of).toList(), found.total(), found.totalExact(),
                found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    public ComputerJson get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return ComputerJson.of(computers.get(caller(), accountId, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a computer's alias and notes")
    public ComputerJson describe(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            Description body) {
        Description d = body == null ? new Description(null, null) : body;
        return ComputerJson.of(computers.describe(caller(), accountId, id, d.alias(), d.notes()));
    }

    @POST
    @Path("/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "deactivate, blacklist, unblacklist or move computers", description = "all or nothing; {\"changed\": n}")
    public Map<String, Integer> act(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @PathParam("action") String action, ActionBody body) {
        ComputerService.Action parsed = AdminSubscriptionsResource.parse(ComputerService.Action.class, "action", action);
        if (body == null) {
            throw KeyholdException.badRequest("ids", "are required");
        }
        if (body.filter() != null) {
            if (body.ids() != null) {
                throw KeyholdException.badRequest("filter", "give either ids or a filter, not both");
            }
            if (body.expected() == null || body.expected() < 0) {
                throw KeyholdException.badRequest("expected", "is required with a filter: the number of computers it matched");
            }
            Filter f = body.filter();
            ComputerQuery filter = query(f.status() == null ? "ALL" : f.status(), f.display() == null ? "ALL" : f.display(),
                    f.q(), null, 0, 1).withProfile(f.profileId());
            return Map.of("changed", computers.applyToFilter(caller(), accountId, parsed, filter, body.expected(), body.targetKeyId()));
        }
        return Map.of("changed", computers.apply(caller(), accountId, parsed, body.ids(), body.targetKeyId()));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The filtered list (or ?ids=a,b) as CSV, streamed; cells are safe to open in a spreadsheet")
    public Response export(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("status") @DefaultValue("ALL") String status, @QueryParam("display") @DefaultValue("ALL") String display,
            @QueryParam("q") String search, @QueryParam("sort") String sort, @QueryParam("ids") String ids,
            @QueryParam("profileId") String profileId) {
        ComputerQuery query = query(status, display, search, sort, 0, ComputerQuery.MAX_SIZE).withProfile(profileId);
        List<String> onlyIds = ids == null || ids.isBlank() ? List.of() : List.of(ids.split(","));
        String userId = caller();
        // Fail before streaming starts, so refusals still answer in the JSON error format.
        computers.requireExportable(userId, accountId, onlyIds);
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            computers.exportCsv(userId, accountId, query, onlyIds, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"computers.csv\"")
                .build();
    }

    private static ComputerQuery query(String status, String display, String search, String sort, int page, int size) {
        boolean descending = sort != null && sort.startsWith("-");
        String column = sort == null ? null : descending ? sort.substring(1) : sort;
        return new ComputerQuery(AdminSubscriptionsResource.parse(ComputerQuery.StatusFilter.class, "status", status),
                AdminSubscriptionsResource.parse(ComputerQuery.DisplayFilter.class, "display", display),
                search, column, !descending, page, size);
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
