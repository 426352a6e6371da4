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

/** Personal profile and security settings (SPEC A9). */
@KeyholdIntegrationTest
class SecuritySettingsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theProfileChangesNamesEmailAndLanguageButNotIntoATakenEmail_A9() {
        String email = Users.uniqueEmail("prof");
        Users.signUp(email);
        String taken = Users.uniqueEmail("taken");
        Users.signUp(taken);
        String newEmail = Users.uniqueEmail("renamed");
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.open("/app/profile.xhtml");
            browser.type("profile:email", taken.toUpperCase());
            browser.clickAndWaitForPage("profile:save");
            assertTrue(browser.text(By.cssSelector(".ui-messages-error")).contains("already exists"));

            browser.type("profile:firstName", "Petra").type("profile:lastName", "Profil").type("profile:email", newEmail);
            new org.openqa.selenium.support.ui.Select(browser.find("profile:language")).selectByValue("DE");
            browser.clickAndWaitForPage("profile:save");
            assertEquals("Petra Profil", browser.text(By.id("header:userName")));
            assertTrue(browser.text(By.cssSelector(".ui-messages-info")).contains("Profil wurde gespeichert"), "now in German");
        }
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(newEmail, Users.PASSWORD)).status(),
                "the new email signs in");
        assertEquals(401, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD)).status());
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
            // A PrimeFaces number field keeps its formatted value on clear(): select it and type over it.
            browser.find("tokens:days_input").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "30");
            browser.find("tokens:create").click();
            token = browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("createdToken"))).getText();
            assertTrue(browser.text(By.id("tokens:tokenTable")).contains("Provisioning script"));
            // Listed with its last use (none yet) and its expiry, 30 days from now (A9).
            assertEquals("never", tokenCell(browser, 3));
            String expires = tokenCell(browser, 4);
            assertTrue(expires.startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString())
                    || expires.startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(29).toString()), expires);
            assertEquals(200, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).status());
            browser.open("/app/security.xhtml");
            assertTrue(tokenCell(browser, 3).startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()),
                    "the use just made is listed: " + tokenCell(browser, 3));
            assertTrue(browser.text(By.id("signIns")).contains("Signed in"), "the sign-in just made is listed");
            browser.screenshot("security-settings");

            assertTrue(browser.driver().findElements(By.id("createdToken")).isEmpty(), "the secret is shown only once");
            browser.find("tokens:tokenTable:0:revoke").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens:tokenTable"),
                    "You have no API tokens."));
        }
        Http.Answer revoked = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token));
        assertEquals(401, revoked.status(), "a revoked token stops working at once");
    }

    /** The text of the first token's cell in the given column (1: name, 2: created, 3: last used, 4: expires). */
    private static String tokenCell(Browser browser, int column) {
        return browser.find("tokens:tokenTable").findElement(By.xpath(".//tbody/tr[1]/td[" + column + "]")).getText().strip();
    }
}
