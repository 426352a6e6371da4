package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Invite Users dialog from the dashboard (SPEC I1–I3): addresses typed as chips and read from a
 * CSV file (invalid rows listed back), Send Invitations (n), the emailed code redeemed through the
 * client API, and the invited email shown as who activated the computer. English and German.
 */
@KeyholdIntegrationTest
class InviteUsersBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anAdministratorInvitesFromTheDashboardAndAnInvitedUserActivates_I1_I2_I3() throws Exception {
        String email = Users.uniqueEmail("inviter");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Invite Co " + email.substring(8, 16) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        String typed = Users.uniqueEmail("typed");
        String fromFile = Users.uniqueEmail("fromfile");
        Path csv = Files.createTempFile("addresses", ".csv");
        Files.writeString(csv, "email\n" + fromFile + "\nnot an address\n=cmd|' /C calc'!A0\n", StandardCharsets.UTF_8);

        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.find("products").findElement(By.cssSelector(".kh-invite-users")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
            assertTrue(browser.text(By.id("inviteForm:key")).contains("available licenses 5 of 5, 0 invited"),
                    browser.text(By.id("inviteForm:key")));

            WebElement chips = browser.find("inviteForm:emails:chips_input");
            chips.sendKeys(typed, Keys.ENTER);
            browser.waitForAjax();
            browser.find("inviteForm:csv_input").sendKeys(csv.toString());
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:invalidRows")));
            String invalid = browser.text(By.id("inviteForm:invalidRows"));
            assertTrue(invalid.contains("not an address") && invalid.contains("=cmd|' /C calc'!A0"), "listed back as text: " + invalid);
            browser.waitFor().until(d -> browser.find("inviteForm:sendButton").getAttribute("textContent").contains("(2)"));
            browser.screenshot("invite-users-en");

            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
                    browser.find("inviteForm:sendButton"));
            browser.find("inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "2 invitations have been sent"));
        }

        Mailbox.Email mail = Mailbox.awaitTo(fromFile, "activation code");
        Matcher code = Pattern.compile("INV-[0-9A-Z-]{19}").matcher(mail.body());
        assertTrue(code.find(), mail.body());
        Mailbox.awaitTo(typed, "activation code");
        Http.Answer activated = Clients.activate(code.group(), Clients.newHardwareId());
        assertEquals(201, activated.status(), activated.body());
        JsonObject computer = Http.get("/api/v1/admin/computers/" + activated.json().getString("activationId"),
                "Authorization", Http.bearer(token)).json();
        assertEquals(fromFile, computer.getString("activatedBy"));
    }

    /** I1: the key's own Invite Users button on the subscription page opens the dialog on that key. */
    @Test
    void aKeyOnTheSubscriptionPageInvitesForItself_I1() {
        String email = Users.uniqueEmail("keyinviter");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(4);
        assertEquals(201, Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Key Co " + email.substring(11, 19) + "\",\"country\":\"DE\",\"zip\":\"10115\","
                + "\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token)).status());
        JsonObject lab = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                "{\"name\":\"Lab\",\"type\":\"RESERVED\",\"quota\":2}", "Authorization", Http.bearer(token)).json();
        String invitee = Users.uniqueEmail("labuser");
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/subscription.xhtml?id=" + subscription.id());
            WebElement labRow = browser.driver().findElement(By.xpath("//*[@id='keys:keyTable_data']/tr"
                    + "[.//div[contains(@class,'kh-key-name') and normalize-space()='Lab']]"));
            labRow.findElement(By.cssSelector(".kh-invite-key")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
            String chosen = new org.openqa.selenium.support.ui.Select(browser.find("inviteForm:key")).getFirstSelectedOption().getText();
            assertTrue(chosen.contains("Lab") && chosen.contains("available licenses 2 of 2"), chosen);
            browser.find("inviteForm:emails:chips_input").sendKeys(invitee, Keys.ENTER);
            browser.waitFor().until(d -> browser.find("inviteForm:sendButton").getAttribute("textContent").contains("(1)"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
                    browser.find("inviteForm:sendButton"));
            browser.find("inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "1 invitations have been sent"));
        }
        Mailbox.awaitTo(invitee, "activation code");
        Http.Answer listed = Http.get("/api/v1/admin/keys/" + lab.getString("id") + "/invitations", "Authorization", Http.bearer(token));
        assertEquals(invitee, listed.json().getJsonArray("items").getJsonObject(0).getString("email"));
    }

    @Test
    void theDialogSpeaksGerman_I1() {
        String email = Users.uniqueEmail("einlader");
        Http.Answer signUp = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Eva\",\"lastName\":\"Einlader\","
                + "\"password\":\"" + Users.PASSWORD + "\",\"language\":\"DE\"}");
        assertEquals(201, signUp.status(), signUp.body());
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(3);
        assertEquals(201, Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Einlade GmbH " + email.substring(9, 17) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token)).status());
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Gesch\u00e4ftskonto");
            browser.find("products").findElement(By.cssSelector(".kh-invite-users")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
            assertTrue(browser.text(By.id("inviteUsers")).contains("Benutzer zur Installation einladen"));
            assertTrue(browser.text(By.id("inviteForm:key")).contains("verf\u00fcgbare Lizenzen 3 von 3"));
            browser.screenshot("invite-users-de");
        }
    }

}
