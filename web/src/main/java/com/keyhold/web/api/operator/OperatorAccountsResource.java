package com.keyhold.web.api.operator;

import com.keyhold.account.AccountPage;
import com.keyhold.account.AccountService;
import com.keyhold.account.AccountSummary;
import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/v1/operator/accounts}: every customer account, paged (SPEC O1: operators see all accounts). */
@Path("/v1/operator/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorAccountsResource {

    public record AccountView(String id, String type, String name, long members, Instant createdAt) {
        static AccountView of(AccountSummary a) {
            return new AccountView(a.getId(), a.getType().name(), a.getName(), a.getMembers(), a.getCreatedAt());
        }
    }

    public record AccountList(List<AccountView> items, long total, int page, int size) {
    }

    @EJB
    AccountService accounts;

    @GET
    @Operation(summary = "All accounts, newest first (page from 0, size up to 500)")
    public AccountList list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        AccountPage found = accounts.allAccounts(page, size);
        return new AccountList(found.items().stream().map(AccountView::of).toList(), found.total(), found.page(),
                found.size());
    }
}
