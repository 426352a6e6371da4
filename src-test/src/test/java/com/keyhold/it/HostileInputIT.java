package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * Issue 9's hostile-input sweep: SQL and script injection strings in the text fields of the API
 * (names, company, key names, what a client reports) are stored as they were typed, break no query,
 * and the pages show them as text: nothing runs in the administrator's browser.
 */
@KeyholdIntegrationTest
class HostileInputIT {

    private static final String SCRIPT = "<script>alert('kh')</script>";
    private static final String SQL = "Robert'); DROP TABLE users;-- ";
    private static final String IMG = "<img src=x onerror=alert(1)>";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void injectionStringsAreStoredVerbatimAndShownAsText() throws Exception {
        String email = Users.uniqueEmail("hostile");
        Http.Answer signUp = Http.postJson("/api/v1/users", Json.createObjectBuilder().add("email", email)
                .add("firstName", SCRIPT).add("lastName", SQL.strip()).add("password", Users.PASSWORD).build().toString());
        assertEquals(201, signUp.status(), signUp.body());
        String userId = signUp.json().getString("id");
        String token = Users.tokenFor(email);

        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", Json.createObjectBuilder()
                .add("key", subscription.primaryKey())
                .add("company", Json.createObjectBuilder().add("name", IMG).add("country", "DE").add("zip", "10115")
                        .add("phone", "+49 30 1"))
                .build().toString(), "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());

        Http.Answer key = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                Json.createObjectBuilder().add("name", "\"><script>alert(2)</script>").add("type", "RESERVED").add("quota", 1)
                        .build().toString(), "Authorization", Http.bearer(token));
        assertEquals(201, key.status(), key.body());

        Http.Answer activation = Http.postJson("/api/v1/client/activations", Json.createObjectBuilder()
                .add("key", subscription.primaryKey()).add("hardwareId", Clients.newHardwareId())
                .add("computerName", SCRIPT).add("userName", "' OR '1'='1").add("hostOs", SQL).build().toString());
        assertEquals(201, activation.status(), activation.body());

        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement user = db.prepareStatement("SELECT first_name, last_name FROM users WHERE id = ?")) {
            user.setString(1, userId);
            try (ResultSet row = user.executeQuery()) {
                assertTrue(row.next(), "the users table is still there");
                assertEquals(SCRIPT, row.getString(1), "stored as typed");
                assertEquals(SQL.strip(), row.getString(2));
            }
        }
        Http.Answer computers = Http.get("/api/v1/admin/computers?q=" + java.net.URLEncoder.encode("alert('kh')",
                java.nio.charset.StandardCharsets.UTF_8), "Authorization", Http.bearer(token));
        assertEquals(200, computers.status(), computers.body());
        assertEquals(1, computers.json().getInt("total"), "a search with a quote is a search, not SQL");

        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            assertTrue(browser.text(By.tagName("body")).contains(SCRIPT), "the name is shown as text");
            assertNoAlert(browser);
            // the business account holds the computers, the company and the keys
            browser.chooseAccount("Business account");
            browser.open("/app/computers.xhtml");
            browser.waitFor().until(d -> browser.text(By.id("computers:table")).contains(SCRIPT));
            assertNoAlert(browser);
            assertFalse(browser.driver().getPageSource().contains(SCRIPT), "escaped in the markup");
            browser.open("/app/business.xhtml");
            assertTrue(browser.text(By.tagName("body")).contains(IMG), "the company name is shown as text");
            assertNoAlert(browser);
            browser.open("/app/subscription.xhtml?id=" + subscription.id());
            browser.screenshot("hostile-input-keys");
            String keys = browser.text(By.tagName("body"));
            assertTrue(keys.contains("\"><script>alert(2)</script>"), "the key name as text: " + keys);
            assertNoAlert(browser);
        }
    }

    private static void assertNoAlert(Browser browser) {
        assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), "a script ran");
    }
}
