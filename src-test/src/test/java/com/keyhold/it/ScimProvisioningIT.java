package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.IdentityProviders;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Rows;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 provisioning (SPEC O3, CONTRACT section 8) as Microsoft Entra ID and Okta drive it, against
 * the deployed EAR: the filter forms they send before creating a user, PATCH {@code replace} of
 * {@code active} with the string "False", soft then hard delete, Groups PATCH with members added and
 * removed, Okta's PUT of the whole user; deprovisioning revokes the user's activations at once.
 */
@KeyholdIntegrationTest
class ScimProvisioningIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void entraProvisionsThenSoftAndHardDeletesAndTheComputersAreDeactivatedAtOnce_O3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String scim = Http.bearer(corporate.scimToken());
            String objectId = UUID.randomUUID().toString();
            String email = "ann." + objectId.substring(0, 8) + "@corp.example";
            // Entra looks the user up first, by its matching attribute
            Http.Answer lookup = Http.get("/scim/v2/Users?filter=" + encode("userName eq \"" + email + "\""), "Authorization", scim);
            assertEquals(200, lookup.status(), lookup.body());
            assertEquals(0, lookup.json().getInt("totalResults"));
            assertTrue(lookup.header("Content-Type").orElse("").startsWith("application/scim+json"));

            Http.Answer created = scimCall("POST", "/scim/v2/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                    + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"],\"externalId\":\"" + objectId
                    + "\",\"userName\":\"" + email + "\",\"active\":true,\"displayName\":\"Ann Example\",\"emails\":[{\"primary\":true,"
                    + "\"type\":\"work\",\"value\":\"" + email + "\"}],\"name\":{\"formatted\":\"Ann Example\",\"familyName\":\"Example\","
                    + "\"givenName\":\"Ann\"},\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"IT\"}}", scim);
            assertEquals(201, created.status(), created.body());
            String userId = created.json().getString("id");
            assertTrue(created.header("Location").orElse("").endsWith("/scim/v2/Users/" + userId));
            Http.Answer duplicate = scimCall("POST", "/scim/v2/Users", "{\"userName\":\"" + email.toUpperCase() + "\"}", scim);
            assertEquals(409, duplicate.status(), duplicate.body());
            assertEquals("uniqueness", duplicate.json().getString("scimType"));

            Http.Answer byExternalId = Http.get("/scim/v2/Users?filter=" + encode("externalId eq \"" + objectId + "\""),
                    "Authorization", scim);
            assertEquals(1, byExternalId.json().getInt("totalResults"), byExternalId.body());

            // the employee's two computers activate by ID token (Entra's oid claim is the subject)
            List<JsonObject> computers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Http.Answer activated = corporate.activate(provider.token("pairwise-sub", email, c -> c.claim("oid", objectId)),
                        Clients.newHardwareId());
                assertEquals(201, activated.status(), activated.body());
                computers.add(activated.json());
            }

            // soft delete: Entra's PATCH with the string "False"
            Http.Answer disabled = scimCall("PATCH", "/scim/v2/Users/" + userId, "{\"schemas\":"
                    + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\","
                    + "\"value\":\"False\"}]}", scim);
            assertEquals(200, disabled.status(), disabled.body());
            assertFalse(disabled.json().getBoolean("active"));
            for (JsonObject computer : computers) {
                Http.Answer checkIn = Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken"));
                assertEquals("DEACTIVATED", checkIn.json().getString("status"), "O3: at once, at the next check-in");
            }
            assertEquals(0, Rows.count("SELECT COUNT(*) FROM activations WHERE account_id = ? AND status = 'ACTIVE'",
                    corporate.account().accountId()), "the seats are free");
            Http.Answer refused = corporate.activate(provider.token("pairwise-sub", email, c -> c.claim("oid", objectId)),
                    Clients.newHardwareId());
            assertEquals(403, refused.status(), "a deprovisioned user cannot activate again: " + refused.body());
            assertEquals(1, Rows.count("SELECT COUNT(*) FROM activity_log WHERE account_id = ? AND action = 'SCIM_USER.DEPROVISIONED'"
                    + " AND actor_email = 'SCIM token ''Entra ID''' AND summary LIKE '%2 computers deactivated%'",
                    corporate.account().accountId()));

            // hard delete
            assertEquals(204, Http.call("DELETE", "/scim/v2/Users/" + userId, null, "Authorization", scim).status());
            Http.Answer gone = Http.get("/scim/v2/Users/" + userId, "Authorization", scim);
            assertEquals(404, gone.status());
            assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", gone.json().getJsonArray("schemas").getString(0));
        }
    }

    @Test
    void oktaPutsTheWholeUserAndDeactivationByPutRevokesTheUsersActivations_O3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String scim = Http.bearer(corporate.scimToken());
            String email = "okta." + UUID.randomUUID().toString().substring(0, 8) + "@corp.example";
            String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email + "\","
                    + "\"name\":{\"givenName\":\"Otto\",\"familyName\":\"Kta\"},\"emails\":[{\"primary\":true,\"value\":\"" + email
                    + "\",\"type\":\"work\"}],\"active\":%s}";
            Http.Answer created = scimCall("POST", "/scim/v2/Users", user.formatted("true"), scim);
            assertEquals(201, created.status(), created.body());
            String id = created.json().getString("id");
            // without externalId, the token's email is the link (CONTRACT 8), in any letter case
            Http.Answer activated = corporate.activate(provider.token("okta-sub-1", email.toUpperCase()), Clients.newHardwareId());
            assertEquals(201, activated.status(), activated.body());

            Http.Answer put = scimCall("PUT", "/scim/v2/Users/" + id, user.formatted("false"), scim);
            assertEquals(200, put.status(), put.body());
            Http.Answer checkIn = Clients.checkIn(activated.json().getString("activationId"),
                    activated.json().getString("activationToken"));
            assertEquals("DEACTIVATED", checkIn.json().getString("status"));
            Http.Answer list = Http.get("/scim/v2/Users?startIndex=1&count=10", "Authorization", scim);
            assertEquals(1, list.json().getInt("totalResults"), list.body());
        }
    }

    @Test
    void removingAUserFromTheRequiredGroupRevokesTheirActivationsAndOnlyMembersActivate_O2_O3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        try (IdentityProviders.Provider provider = corporate.provider()) {
            String scim = Http.bearer(corporate.scimToken());
            String anna = scimUser(scim, "anna");
            String ben = scimUser(scim, "ben");
            Http.Answer group = scimCall("POST", "/scim/v2/Groups", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"Keyhold users\",\"members\":[]}", scim);
            assertEquals(201, group.status(), group.body());
            String groupId = group.json().getString("id");
            Http.Answer added = scimCall("PATCH", "/scim/v2/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + anna + "\"}]}]}", scim);
            assertEquals(200, added.status(), added.body());
            Http.Answer byName = Http.get("/scim/v2/Groups?excludedAttributes=members&filter="
                    + encode("displayName eq \"Keyhold users\""), "Authorization", scim);
            assertEquals(1, byName.json().getInt("totalResults"), byName.body());
            assertFalse(byName.json().getJsonArray("Resources").getJsonObject(0).containsKey("members"));

            Http.Answer configured = corporate.configure("{\"issuer\":\"" + provider.issuer + "\",\"audience\":\"" + provider.audience
                    + "\",\"jwksUrl\":\"" + provider.jwksUrl() + "\",\"requiredGroup\":\"" + groupId + "\"}");
            assertEquals(200, configured.status(), configured.body());
            assertEquals("Keyhold users", configured.json().getString("requiredGroupName"));

            Http.Answer annaComputer = corporate.activate(provider.token("s-anna", "anna@corp.example", c -> c.claim("oid", "ext-anna")),
                    Clients.newHardwareId());
            assertEquals(201, annaComputer.status(), annaComputer.body());
            Http.Answer benComputer = corporate.activate(provider.token("s-ben", "ben@corp.example", c -> c.claim("oid", "ext-ben")),
                    Clients.newHardwareId());
            assertEquals(403, benComputer.status(), "not in the required group: " + benComputer.body());

            Http.Answer removed = scimCall("PATCH", "/scim/v2/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                    + "\"Operations\":[{\"op\":\"Remove\",\"path\":\"members[value eq \\\"" + anna + "\\\"]\"}]}", scim);
            assertEquals(200, removed.status(), removed.body());
            assertEquals(0, removed.json().getJsonArray("members").size());
            Http.Answer checkIn = Clients.checkIn(annaComputer.json().getString("activationId"),
                    annaComputer.json().getString("activationToken"));
            assertEquals("DEACTIVATED", checkIn.json().getString("status"), "leaving the required group revokes at once");
            assertTrue(ben.length() == 36);
        }
    }

    @Test
    void aScimTokenSeesOnlyItsOwnAccountAndOnlyScimTokensOpenScim_O3() {
        IdentityProviders.Corporate first = IdentityProviders.corporate(50, 3);
        IdentityProviders.Corporate second = IdentityProviders.corporate(50, 3);
        first.provider().close();
        second.provider().close();
        String firstScim = Http.bearer(first.scimToken());
        String secondScim = Http.bearer(second.scimToken());
        String secondsUser = scimUser(secondScim, "zoe");
        String firstGroup = scimCall("POST", "/scim/v2/Groups", "{\"displayName\":\"Mine\"}", firstScim).json().getString("id");

        assertEquals(404, Http.get("/scim/v2/Users/" + secondsUser, "Authorization", firstScim).status());
        assertEquals(404, scimCall("PATCH", "/scim/v2/Users/" + secondsUser, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\","
                + "\"value\":false}]}", firstScim).status());
        assertEquals(404, Http.call("DELETE", "/scim/v2/Users/" + secondsUser, null, "Authorization", firstScim).status());
        assertEquals(404, scimCall("PATCH", "/scim/v2/Groups/" + firstGroup, "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                + "\"value\":[{\"value\":\"" + secondsUser + "\"}]}]}", firstScim).status(), "another account's user is no member");
        assertEquals(0, Http.get("/scim/v2/Users?filter=" + encode("userName eq \"zoe@corp.example\""), "Authorization", firstScim)
                .json().getInt("totalResults"));
        assertEquals("true", Rows.text("SELECT IF(active, 'true', 'false') FROM scim_users WHERE id = ?", secondsUser),
                "nothing changed");

        // no token, a personal API token, a made-up token, a revoked token: 401 with a SCIM error
        Http.Answer revokedToken = Http.postJson("/api/v1/admin/scim-tokens", "{\"name\":\"old\"}", "Authorization",
                first.account().bearer());
        String revoked = revokedToken.json().getString("token");
        assertEquals(204, Http.call("DELETE", "/api/v1/admin/scim-tokens/" + revokedToken.json().getString("id"), null,
                "Authorization", first.account().bearer()).status());
        for (String[] credentials : new String[][] {{}, {"Authorization", first.account().bearer()},
                {"Authorization", Http.bearer("khs_madeup")}, {"Authorization", Http.bearer(revoked)}}) {
            Http.Answer answer = Http.get("/scim/v2/Users", credentials);
            assertEquals(401, answer.status(), answer.body());
            assertTrue(answer.header("WWW-Authenticate").isPresent());
            assertEquals("401", answer.json().getString("status"));
        }
        // the token list never shows a token, and another account's token cannot be revoked
        Http.Answer tokens = Http.get("/api/v1/admin/scim-tokens", "Authorization", first.account().bearer());
        assertEquals(1, tokens.json().getJsonArray("items").size(), tokens.body());
        assertFalse(tokens.body().contains("khs_"), tokens.body());
        String firstTokenId = tokens.json().getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(404, Http.call("DELETE", "/api/v1/admin/scim-tokens/" + firstTokenId, null, "Authorization",
                second.account().bearer()).status());
        assertEquals(200, Http.get("/scim/v2/Users", "Authorization", firstScim).status(), "still works");
    }

    @Test
    void badScimInputGetsAScimErrorAndChangesNothing_O3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        corporate.provider().close();
        String scim = Http.bearer(corporate.scimToken());
        assertEquals("invalidFilter", Http.get("/scim/v2/Users?filter=" + encode("userName co \"a\""), "Authorization", scim)
                .json().getString("scimType"));
        assertEquals("invalidFilter", Http.get("/scim/v2/Users?filter=" + encode("title eq \"x\""), "Authorization", scim)
                .json().getString("scimType"));
        assertEquals("invalidSyntax", scimCall("POST", "/scim/v2/Users", "{not json", scim).json().getString("scimType"));
        assertEquals("invalidValue", scimCall("POST", "/scim/v2/Users", "{\"displayName\":\"no user name\"}", scim)
                .json().getString("scimType"));
        assertEquals(413, scimCall("POST", "/scim/v2/Users", "{\"userName\":\"" + "x".repeat(70_000) + "\"}", scim).status());
        assertEquals(0, Rows.count("SELECT COUNT(*) FROM scim_users WHERE account_id = ?", corporate.account().accountId()));
        Http.Answer config = Http.get("/scim/v2/ServiceProviderConfig", "Authorization", scim);
        assertTrue(config.json().getJsonObject("patch").getBoolean("supported"), config.body());
        assertEquals(2, Http.get("/scim/v2/ResourceTypes", "Authorization", scim).json().getInt("totalResults"));
        assertEquals(2, Http.get("/scim/v2/Schemas", "Authorization", scim).json().getInt("totalResults"));
    }

    @Test
    void aDeprovisionedUserWhoIsAMemberLosesTheLicenseAdministratorRoleAndPendingInvitations_O3() {
        IdentityProviders.Corporate corporate = IdentityProviders.corporate(50, 3);
        corporate.provider().close();
        com.keyhold.it.support.Accounts.Business account = corporate.account();
        com.keyhold.it.support.Members.Member member = com.keyhold.it.support.Members.join(account);
        String keyId = Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys", "Authorization",
                account.bearer()).json().getJsonArray("items").getJsonObject(0).getString("id");
        com.keyhold.it.support.Members.setRole(account, member, "LICENSE_ADMINISTRATOR", keyId);
        Http.Answer invited = Http.postJson("/api/v1/admin/keys/" + keyId + "/invitations", "{\"emails\":[\""
                + member.email().toUpperCase() + "\"],\"language\":\"EN\",\"expiresInDays\":7,\"send\":false}",
                "Authorization", account.bearer());
        assertEquals(201, invited.status(), invited.body());
        String invitationId = invited.json().getJsonArray("items").getJsonObject(0).getString("id");

        String scim = Http.bearer(corporate.scimToken());
        Http.Answer created = scimCall("POST", "/scim/v2/Users", "{\"userName\":\"" + member.email() + "\",\"active\":true}", scim);
        assertEquals(201, created.status(), created.body());
        Http.Answer disabled = scimCall("PATCH", "/scim/v2/Users/" + created.json().getString("id"),
                "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}", scim);
        assertEquals(200, disabled.status(), disabled.body());

        assertEquals("REGULAR_MEMBER", Http.get("/api/v1/admin/members/" + member.userId(), "Authorization", account.bearer())
                .json().getString("role"));
        JsonObject invitation = Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", account.bearer()).json()
                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(i -> i.getString("id").equals(invitationId)).findFirst().orElseThrow();
        assertEquals("REVOKED", invitation.getString("status"));
    }

    private static String scimUser(String scim, String name) {
        Http.Answer created = scimCall("POST", "/scim/v2/Users", "{\"userName\":\"" + name + "@corp.example\",\"externalId\":\"ext-"
                + name + "\",\"active\":true}", scim);
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    private static Http.Answer scimCall(String method, String path, String body, String authorization) {
        return Http.send(Http.request(path).header("Content-Type", "application/scim+json").header("Authorization", authorization)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
