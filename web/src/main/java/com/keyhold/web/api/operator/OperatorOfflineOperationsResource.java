package com.keyhold.web.api.operator;

import com.keyhold.account.AccountService;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code PUT /api/v1/operator/accounts/{id}/offline-operations}: the vendor allows offline activation for an account (SPEC S3). */
@Path("/v1/operator/accounts/{id}/offline-operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorOfflineOperationsResource {

    public record Switch(Boolean enabled) {
    }

    @EJB
    AccountService accounts;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable or disable offline operations for an account: {\"enabled\": true|false}")
    public Map<String, Object> set(@PathParam("id") String accountId, Switch body) {
        if (body == null || body.enabled() == null) {
            throw KeyholdException.badRequest("enabled", "is required: true or false");
        }
        return Map.of("accountId", accountId, "offlineOperations", accounts.setOfflineOperations(accountId, body.enabled()));
    }
}
