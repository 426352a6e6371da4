package com.keyhold.web.api;

import com.keyhold.rest.ApiErrorMapper;
import com.keyhold.rest.SigningKeyResource;

import com.keyhold.web.api.admin.AdminAccountsResource;
import com.keyhold.web.api.admin.AdminActivityResource;
import com.keyhold.web.api.admin.AdminComputersResource;
import com.keyhold.web.api.admin.AdminIdentityProviderResource;
import com.keyhold.web.api.admin.AdminInstallInvitationsResource;
import com.keyhold.web.api.admin.AdminInvitationResource;
import com.keyhold.web.api.admin.AdminMembersResource;
import com.keyhold.web.api.admin.AdminOfflineRequestsResource;
import com.keyhold.web.api.admin.AdminProfilesResource;
import com.keyhold.web.api.admin.AdminProxiesResource;
import com.keyhold.web.api.admin.AdminScimTokensResource;
import com.keyhold.web.api.admin.AdminSubscriptionsResource;
import com.keyhold.web.api.admin.AdminSupportResource;
import com.keyhold.web.api.admin.AdminTicketsResource;
import com.keyhold.web.api.admin.RegistrationsResource;
import com.keyhold.rest.client.ClientActivationsResource;
import com.keyhold.rest.client.LoadBaselineResource;
import com.keyhold.web.api.operator.OperatorAccountsResource;
import com.keyhold.web.api.operator.OperatorActivityResource;
import com.keyhold.web.api.operator.OperatorClockResource;
import com.keyhold.web.api.operator.OperatorDownloadsResource;
import com.keyhold.web.api.operator.OperatorKnowledgeBaseResource;
import com.keyhold.web.api.operator.OperatorMaintenanceResource;
import com.keyhold.web.api.operator.OperatorOfflineOperationsResource;
import com.keyhold.web.api.operator.OperatorProductsResource;
import com.keyhold.web.api.operator.OperatorSubscriptionsResource;
import com.keyhold.web.api.operator.OperatorSweepsResource;
import com.keyhold.web.api.operator.OperatorTicketsResource;
import jakarta.ws.rs.ApplicationPath;
import java.util.Set;
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

    /**
     * The resources and providers of {@code /api}, listed rather than scanned: with a second JAX-RS
     * application in this module ({@link com.keyhold.web.scim.ScimApi} at {@code /scim}), a scanning
     * application would serve the SCIM resources under {@code /api} too. AuthorizationWalkIT fails
     * when a resource of this package is missing here.
     */
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ApiErrorMapper.class,
                AuthTokensResource.class,
                JoinResource.class,
                PasswordResetsResource.class,
                SigningKeyResource.class,
                UsersResource.class,
                AdminAccountsResource.class,
                AdminActivityResource.class,
                AdminComputersResource.class,
                AdminIdentityProviderResource.class,
                AdminInstallInvitationsResource.class,
                AdminInvitationResource.class,
                AdminMembersResource.class,
                AdminOfflineRequestsResource.class,
                AdminProfilesResource.class,
                AdminProxiesResource.class,
                AdminScimTokensResource.class,
                AdminSubscriptionsResource.class,
                AdminSupportResource.class,
                AdminTicketsResource.class,
                RegistrationsResource.class,
                ClientActivationsResource.class,
                LoadBaselineResource.class,
                OperatorAccountsResource.class,
                OperatorActivityResource.class,
                OperatorClockResource.class,
                OperatorDownloadsResource.class,
                OperatorKnowledgeBaseResource.class,
                OperatorMaintenanceResource.class,
                OperatorOfflineOperationsResource.class,
                OperatorProductsResource.class,
                OperatorSubscriptionsResource.class,
                OperatorSweepsResource.class,
                OperatorTicketsResource.class);
    }
}
