package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.profile.ProfileDraft;
import com.keyhold.profile.ProfileService;
import com.keyhold.profile.ProfileView;
import com.keyhold.profile.UpgradesPayload;
import com.keyhold.profile.VmImagePayload;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Configuration profiles of the caller's account (SPEC P1, CONTRACT section 6), account
 * administrators only (refused in {@link ProfileService}). A key takes one with
 * {@code PATCH /api/v1/admin/keys/{id}} {@code {"profileId"}}.
 */
@Path("/v1/admin/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class AdminProfilesResource {

    /** The VM image payload; its settings are kept while it is disabled. */
    public record VmImageJson(Boolean enabled, @JsonbNillable String imageUrl, @JsonbNillable String checksum,
            @JsonbNillable String vmName) {
        VmImagePayload payload() {
            return new VmImagePayload(Boolean.TRUE.equals(enabled), imageUrl, checksum, vmName);
        }
    }

    /** The major version upgrades payload; its settings are kept while it is disabled. */
    public record UpgradesJson(Boolean enabled, Boolean allowed, @JsonbNillable String targetVersion) {
        UpgradesPayload payload() {
            return new UpgradesPayload(Boolean.TRUE.equals(enabled), Boolean.TRUE.equals(allowed), targetVersion);
        }
    }

    /** Both payloads. */
    public record PayloadsJson(VmImageJson vmImage, UpgradesJson upgrades) {
    }

    /** A profile as CONTRACT section 6 describes it, with the number of keys that use it. */
    public record ProfileJson(String id, String name, PayloadsJson payloads, long keyCount) {
        static ProfileJson of(ProfileView p) {
            VmImagePayload vm = p.getVmImage();
            UpgradesPayload up = p.getUpgrades();
            return new ProfileJson(p.getId(), p.getName(), new PayloadsJson(
                    new VmImageJson(vm.enabled(), vm.imageUrl(), vm.checksum(), vm.vmName()),
                    new UpgradesJson(up.enabled(), up.allowed(), up.targetVersion())), p.getKeyCount());
        }
    }

    /** The body of create and change: the whole profile; a missing payload is disabled and empty. */
    public record ProfileBody(String name, PayloadsJson payloads) {
        ProfileDraft draft() {
            VmImageJson vm = payloads == null ? null : payloads.vmImage();
            UpgradesJson up = payloads == null ? null : payloads.upgrades();
            return new ProfileDraft(name, vm == null ? null : vm.payload(), up == null ? null : up.payload());
        }
    }

    @EJB
    ProfileService profiles;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "Configuration profiles of the account", description = "account administrators only (P1)")
    public Map<String, List<ProfileJson>> list(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        return Map.of("items", profiles.list(caller(), accountId).stream().map(ProfileJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a configuration profile", description = "400 BAD_REQUEST with violations; names are unique per account")
    public Response create(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, ProfileBody body) {
        return Response.status(Response.Status.CREATED)
                .entity(ProfileJson.of(profiles.create(caller(), accountId, draft(body)))).build();
    }

    @GET
    @Path("/{id}")
    public ProfileJson get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return ProfileJson.of(profiles.get(caller(), accountId, id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a profile's name and payloads", description = "computers of its keys receive it at their next check-in")
    public ProfileJson update(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id,
            ProfileBody body) {
        return ProfileJson.of(profiles.update(caller(), accountId, id, draft(body)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a profile", description = "the keys that use it go back to Default: {\"keysOnDefault\": n}")
    public Map<String, Integer> delete(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, @PathParam("id") String id) {
        return Map.of("keysOnDefault", profiles.delete(caller(), accountId, id));
    }

    private static ProfileDraft draft(ProfileBody body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        return body.draft();
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
