package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Security settings (SPEC A9): personal API tokens created, listed and revoked on the page; recent sign-ins. */
@KeyholdIntegrationTest
class SecuritySettingsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aTokenCreatedOnThePageWorksUntilItIsRevoked_A9() {
        String email = Users.uniqueEmail("sec");
        Users.signUp(email);
        String token;
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.open("/app/security.xhtml");
            browser.type("tokens:name", "Provisioning script");
            browser.find("tokens:create").click();
            token = browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("createdToken"))).getText();
            assertTrue(browser.text(By.id("tokens:tokenTable")).contains("Provisioning script"));
            assertEquals(200, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).status());
            assertTrue(browser.text(By.id("signIns")).contains("Signed in"), "the sign-in just made is listed");
            browser.screenshot("security-settings");

            browser.open("/app/security.xhtml");
            assertTrue(browser.driver().findElements(By.id("createdToken")).isEmpty(), "the secret is shown only once");
            browser.find("tokens:tokenTable:0:revoke").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens:tokenTable"),
                    "You have no API tokens."));
        }
        Http.Answer revoked = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token));
        assertEquals(401, revoked.status(), "a revoked token stops working at once");
    }
}
