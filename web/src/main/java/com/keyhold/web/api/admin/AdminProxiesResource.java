package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.proxy.ProxyAdministration;
import com.keyhold.proxy.ProxyDisplay;
import com.keyhold.proxy.ProxyView;
import com.keyhold.proxy.UsagePoint;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Proxy Servers of the caller's account (CONTRACT section 6; SPEC S5, S7, S8). */
@Path("/v1/admin/proxies")
@Produces(MediaType.APPLICATION_JSON)
public class AdminProxiesResource {

    /** A proxy as CONTRACT section 6 describes it, with a few more fields for scripts. */
    public record ProxyJson(String id, String serverName, String siteCode, String siteDescription, String keyId,
            String keyName, String licenseKey, String status, boolean offlineUse, String appVersion, Instant activatedAt,
            Instant deactivatedAt, Instant lastReportAt, LocalDate expiresOn, int maxManagedComputers,
            int usedManagedComputers, boolean overLimit, boolean silent, String notes) {
        static ProxyJson of(ProxyView p) {
            return new ProxyJson(p.id(), p.serverName(), p.siteCode(), p.siteDescription(), p.keyId(), p.keyName(),
                    p.maskedKey(), p.status(), p.offlineUse(), p.appVersion(), p.activatedAt(), p.deactivatedAt(),
                    p.lastReportAt(), p.expiresOn(), p.maxManagedComputers(), p.usedManagedComputers(), p.overLimit(),
                    p.silent(), p.notes());
        }
    }

    public record ProxyList(List<ProxyJson> items, long total, int page, int size) {
    }

    public record UsageList(List<UsagePoint> items) {
    }

    public record ReleaseBody(Boolean confirm) {
    }

    public record NotesBody(String notes) {
    }

    @EJB
    ProxyAdministration proxies;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "List proxy servers", description = "display=all|expiring|expired|deactivated, page from 0, size up to 500")
    public ProxyList list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("display") @DefaultValue("all") String display, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        ProxyAdministration.ProxyPage found = proxies.list(caller(), accountId, display(display), page, size);
        return new ProxyList(found.items().stream().map(ProxyJson::of).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One proxy server")
    public ProxyJson get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return ProxyJson.of(proxies.get(caller(), accountId, id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a proxy's notes: {\"notes\"}")
    public ProxyJson changeNotes(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            NotesBody body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required: {\"notes\"}");
        }
        return ProxyJson.of(proxies.changeNotes(caller(), accountId, id, body.notes()));
    }

    @GET
    @Path("/{id}/usage")
    @Operation(summary = "Usage reports: report dates and the peak of managed Macs on each (SPEC S5)")
    public UsageList usage(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return new UsageList(proxies.usage(caller(), accountId, id));
    }

    @POST
    @Path("/{id}/deactivation")
    @Operation(summary = "Deactivate a proxy (SPEC S7): DEACTIVATED, or PENDING_RELEASE for a proxy activated offline")
    public Map<String, String> deactivate(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return Map.of("status", proxies.deactivate(caller(), accountId, id));
    }

    @POST
    @Path("/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release now: free the key of a lost offline proxy pending release; {\"confirm\":true} (SPEC S7)")
    public Map<String, String> release(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            ReleaseBody body) {
        return Map.of("status", proxies.release(caller(), accountId, id, body != null && Boolean.TRUE.equals(body.confirm())));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The filtered list as CSV; cells are safe to open in a spreadsheet")
    public Response export(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId,
            @QueryParam("display") @DefaultValue("all") String display) {
        String csv = proxies.exportCsv(caller(), accountId, display(display), List.of("Server name", "Key", "Site code",
                "Site description", "Status", "Offline use", "App version", "Activation date", "Last report date",
                "Max managed computers", "Registered computers", "Notes"));
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"proxy-servers.csv\"").build();
    }

    static ProxyDisplay display(String value) {
        return ProxyDisplay.parse(value).orElseThrow(() -> KeyholdException.badRequest("display",
                "must be all, expiring, expired or deactivated"));
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
