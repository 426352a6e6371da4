package com.keyhold.web.api.admin;

import com.keyhold.account.AccountService;
import com.keyhold.account.AccountSummary;
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

    @EJB
    AccountService accounts;

    @Inject
    SecurityContext securityContext;

    @GET
    @Operation(summary = "Accounts of the token's user, with the user's role in each")
    public AccountList list() {
        return new AccountList(accounts.accountsOf(securityContext.getCallerPrincipal().getName()).stream()
                .map(AccountView::of).toList());
    }
}
