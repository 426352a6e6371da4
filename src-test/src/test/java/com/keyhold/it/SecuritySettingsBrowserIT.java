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
            // issue 9: a new email needs the current password
            browser.type("profile:email", newEmail);
            browser.clickAndWaitForPage("profile:save");
            assertTrue(browser.text(By.cssSelector(".ui-messages-error")).contains("current password"),
                    browser.text(By.cssSelector(".ui-messages-error")));

            browser.type("profile:email", taken.toUpperCase()).type("profile:currentPassword", Users.PASSWORD);
            browser.clickAndWaitForPage("profile:save");
            assertTrue(browser.text(By.cssSelector(".ui-messages-error")).contains("already exists"));

            browser.type("profile:firstName", "Petra").type("profile:lastName", "Profil").type("profile:email", newEmail)
                    .type("profile:currentPassword", Users.PASSWORD);
            new org.openqa.selenium.support.ui.Select(browser.find("profile:language")).selectByValue("DE");
            browser.clickAndWaitForPage("profile:save");
            assertEquals("Petra Profil", browser.text(By.id("header:userName")));
            assertTrue(browser.text(By.cssSelector(".ui-messages-info")).contains("Profil wurde gespeichert"), "now in German");
        }
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(newEmail, Users.PASSWORD)).status(),
                "the new email signs in");
        assertEquals(401, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD)).status());
        // the old address is told, in the user's language by then (German)
        com.keyhold.it.support.Mailbox.Email notice = com.keyhold.it.support.Mailbox.awaitTo(email, "E-Mail-Adresse");
        assertTrue(notice.body().contains(newEmail), notice.body());
    }

    /**
     * Issue 9: a password change ends the user's other sessions and revokes their API and remember-me
     * tokens (the user is told how many, on the page and by email); the session that changed it goes on.
     */
    @Test
    void aPasswordChangeEndsOtherSessionsAndRevokesTokens() {
        String email = Users.uniqueEmail("rotate");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        String newPassword = "a changed passphrase";
        try (Browser other = new Browser(); Browser browser = new Browser()) {
            other.signIn(email, Users.PASSWORD);
            browser.signIn(email, Users.PASSWORD).open("/app/change-password.xhtml");
            browser.type("changePassword:current", Users.PASSWORD).type("changePassword:newPassword", newPassword)
                    .type("changePassword:repeat", newPassword);
            browser.clickAndWaitForPage("changePassword:submit");
            assertEquals("/app/dashboard.xhtml", browser.path(), "this session goes on");
            assertTrue(browser.text(By.cssSelector(".ui-messages-info")).contains("1 saved sign-ins and API tokens were revoked"),
                    browser.text(By.cssSelector(".ui-messages-info")));
            browser.open("/app/profile.xhtml");
            assertEquals("/app/profile.xhtml", browser.path(), "still signed in after the next request");

            other.open("/app/profile.xhtml");
            assertEquals("/login.xhtml", other.path(), "the other session ended");
        }
        assertEquals(401, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).status(),
                "the API token was revoked");
        com.keyhold.it.support.Mailbox.Email notice = com.keyhold.it.support.Mailbox.awaitTo(email, "password was changed");
        assertTrue(notice.body().contains("1 saved sign-ins"), notice.body());
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
