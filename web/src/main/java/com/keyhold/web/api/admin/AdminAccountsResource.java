package com.keyhold.web.api.admin;

import com.keyhold.account.AccountService;
import com.keyhold.account.AccountSummary;
import com.keyhold.account.BusinessProfile;
import com.keyhold.account.CompanyDetails;
import com.keyhold.account.MembershipService;
import com.keyhold.common.KeyholdException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/v1/admin/accounts}: the accounts of the token's user with their role in each, so a
 * script can find the {@code X-Account-Id} to send with its other calls.
 */
@Path("/v1/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccountsResource {

    public record AccountView(String id, String type, String name, String role, Instant createdAt) {
        static AccountView of(AccountSummary a) {
            return new AccountView(a.getId(), a.getType().name(), a.getName(), a.getRole().name(), a.getCreatedAt());
        }
    }

    public record AccountList(List<AccountView> items) {
    }

    /** The business profile (A4): company box, the caller's membership, the administrators. */
    public record ProfileJson(String id, String supportCode, CompanyDetails company, String role, Instant memberSince,
            List<AdministratorJson> administrators) {
        static ProfileJson of(BusinessProfile p) {
            return new ProfileJson(p.getAccountId(), p.getSupportCode(), p.company(), p.getMyRole().name(), p.getMemberSince(),
                    p.getAdministrators().stream().map(a -> new AdministratorJson(a.getUserId(), a.getDisplayName(), a.getEmail()))
                            .toList());
        }
    }

    public record AdministratorJson(String userId, String name, String email) {
    }

    @EJB
    AccountService accounts;

    @EJB
    MembershipService members;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "Accounts of the token's user, with the user's role in each")
    public AccountList list() {
        return new AccountList(accounts.accountsOf(securityContext.getCallerPrincipal().getName()).stream()
                .map(AccountView::of).toList());
    }

    @GET
    @jakarta.ws.rs.Path("/current")
    @Operation(summary = "The business profile of the account acted in (X-Account-Id)")
    public ProfileJson current(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId) {
        return ProfileJson.of(members.profile(securityContext.getCallerPrincipal().getName(), accountId));
    }

    @PATCH
    @jakarta.ws.rs.Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit the company details (administrators)", description = "name, country, zip, phone required;"
            + " street, city, state optional (A2, A4)")
    public ProfileJson updateCompany(@HeaderParam(AdminApi.ACCOUNT_HEADER) String accountId, CompanyDetails company) {
        if (company == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        return ProfileJson.of(members.updateCompany(securityContext.getCallerPrincipal().getName(), accountId, company));
    }
}
