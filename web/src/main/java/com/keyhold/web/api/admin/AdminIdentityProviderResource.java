package com.keyhold.web.api.admin;

import com.keyhold.common.KeyholdException;
import com.keyhold.sso.IdentityProviderDraft;
import com.keyhold.sso.IdentityProviderService;
import com.keyhold.sso.IdentityProviderView;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The account's identity provider for corporate (SSO) activation (SPEC O2, CONTRACT section 6),
 * account administrators of business accounts only (refused in {@link IdentityProviderService}).
 */
@Path("/v1/admin/identity-provider")
@Produces(MediaType.APPLICATION_JSON)
public class AdminIdentityProviderResource {

    /** The body of PUT and of every answer; {@code publicKeys} are PEM blocks. */
    public record ProviderJson(String issuer, String audience, String jwksUrl, List<String> publicKeys,
            Integer perUserLimit, String requiredGroup, String requiredGroupName, Integer inactivityRevokeDays,
            String updatedAt) {

        static ProviderJson of(IdentityProviderView v) {
            return new ProviderJson(v.issuer(), v.audience(), v.jwksUrl(), v.publicKeys(), v.perUserLimit(),
                    v.requiredGroup(), v.requiredGroupName(), v.inactivityRevokeDays(), v.updatedAt().toString());
        }
    }

    @EJB
    IdentityProviderService providers;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "The account's identity provider", description = "404 NOT_FOUND when none is set")
    public ProviderJson get(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        return providers.get(caller(), accountId).map(ProviderJson::of)
                .orElseThrow(() -> KeyholdException.notFound("Identity provider"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the identity provider",
            description = "issuer, audience, and either jwksUrl (https) or publicKeys (PEM); perUserLimit (default 3),"
                    + " requiredGroup (a SCIM group id), inactivityRevokeDays (null: off). 400 BAD_REQUEST with violations;"
                    + " an issuer and audience of another account are refused")
    public ProviderJson put(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, ProviderJson body) {
        if (body == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        return ProviderJson.of(providers.configure(caller(), accountId, new IdentityProviderDraft(body.issuer(),
                body.audience(), body.jwksUrl(), body.publicKeys(), body.perUserLimit(), body.requiredGroup(),
                body.inactivityRevokeDays())));
    }

    @DELETE
    @Operation(summary = "Remove the identity provider", description = "computers activated by ID token keep running")
    public Response delete(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        providers.remove(caller(), accountId);
        return Response.noContent().build();
    }

    private String caller() {
        return securityContext.getCallerPrincipal().getName();
    }
}
