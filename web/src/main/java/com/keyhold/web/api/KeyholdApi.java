package com.keyhold.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JAX-RS application: every resource of CONTRACT.md lives under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Keyhold API", version = "1",
        description = "Client, admin and operator APIs of Keyhold. Errors: {\"code\", \"message\"}.\n\n"
                + "Admin API (/api/v1/admin/**): a personal API token (Authorization: Bearer) acts with its user's role in"
                + " the account chosen by X-Account-Id. Account Administrators may do everything; License Administrators"
                + " list, deactivate, blacklist and move the computers of their keys and list those keys (GET /v1/admin/keys);"
                + " Regular Members read the business profile only. A refused action on an object the caller can see"
                + " answers 403 FORBIDDEN; an object of another account, or of a key a license administrator does not"
                + " manage, answers 404 NOT_FOUND exactly as one that does not exist. A blocked member gets 403 in that"
                + " account. The last active administrator cannot leave, be demoted, blocked or removed: 409"
                + " LAST_ADMINISTRATOR."))
public class KeyholdApi extends Application {
}
