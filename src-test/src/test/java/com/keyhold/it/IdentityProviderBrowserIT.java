package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.IdentityProviders;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Identity Provider page in headless Chromium (SPEC O2, O3): an administrator registers the
 * company's identity provider and creates a SCIM token, shown once; with that token the identity
 * provider provisions a user, the user's computer activates by ID token, and deprovisioning the user
 * deactivates the computer at once.
 */
@KeyholdIntegrationTest
class IdentityProviderBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anAdministratorSetsUpTheProviderAndAScimTokenThatDeprovisionsAUser_O2_O3() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        IdentityProviders.issueSso(account.accountId(), 50);
        String email = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        try (IdentityProviders.Provider provider = new IdentityProviders.Provider(); Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/business.xhtml");
            browser.clickAndWaitForPage("tabs:companyActions:identityProvider");
            browser.waitFor().until(d -> browser.path().equals("/app/identity-provider.xhtml"));
            assertEquals("/app/identity-provider.xhtml", browser.path());
            browser.type("provider:issuer", provider.issuer);
            browser.type("provider:audience", provider.audience);
            browser.type("provider:jwksUrl", provider.jwksUrl());
            browser.type("provider:perUserLimit", "2");
            browser.screenshot("identity-provider-01-filled");
            browser.find("provider:save").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "The identity provider was saved."));
            assertEquals("2", Http.get("/api/v1/admin/identity-provider", "Authorization", account.bearer()).json()
                    .get("perUserLimit").toString());

            browser.type("scim:tokenName", "Entra ID");
            browser.find("scim:createToken").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
            String token = browser.find("token").getText().strip();
            assertTrue(token.startsWith("khs_"), token);
            browser.screenshot("identity-provider-02-token-once");
            browser.find("scim:done").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("token")));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("scim:tokens"), "Entra ID"));
            assertTrue(browser.find("scimUrl").getText().endsWith("/scim/v2"));

            // the identity provider provisions with the token; the user's computer activates by ID token
            Http.Answer user = Http.send(Http.request("/scim/v2/Users").header("Content-Type", "application/scim+json")
                    .header("Authorization", Http.bearer(token)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"userName\":\"lena@corp.example\",\"externalId\":\"oid-lena\",\"active\":true}")).build());
            assertEquals(201, user.status(), user.body());
            JsonObject computer = Http.postJson("/api/v1/client/activations", "{\"idToken\":\""
                    + provider.token("pairwise", "lena@corp.example", c -> c.claim("oid", "oid-lena")) + "\",\"hardwareId\":\""
                    + Clients.newHardwareId() + "\",\"computerName\":\"Lena's MacBook\"}").json();
            assertEquals("ACTIVE", computer.getString("status"), computer.toString());

            browser.open("/app/computers.xhtml");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computers:table"), "Lena's MacBook"));
            // the user the computer was activated as, in the list's "Activated by" column (hidden by default)
            browser.find("computers:columns").click();
            By activatedBy = By.xpath("//*[contains(@class,'ui-columntoggler')]//li[contains(., 'Activated By')]"
                    + "//div[contains(@class,'ui-chkbox-box')]");
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(activatedBy)).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computers:table"), "lena@corp.example"));
            browser.find("computers:columns").click();
            browser.screenshot("identity-provider-03-computer-of-sso-user");

            Http.Answer deprovisioned = Http.send(Http.request("/scim/v2/Users/" + user.json().getString("id"))
                    .header("Authorization", Http.bearer(token)).DELETE().build());
            assertEquals(204, deprovisioned.status(), deprovisioned.body());
            assertEquals("DEACTIVATED", Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken"))
                    .json().getString("status"));
            assertEquals(1, Rows.count("SELECT COUNT(*) FROM activity_log WHERE account_id = ? AND action = 'SCIM_USER.DEPROVISIONED'",
                    account.accountId()));
        }
    }
}
