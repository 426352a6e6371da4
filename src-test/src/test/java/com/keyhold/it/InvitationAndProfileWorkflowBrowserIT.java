package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Chips;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Profiles;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The seed's "Invite Users to Install" and "Using Configuration Profiles" end to end, in English and in
 * German: an administrator sends invitations from the dashboard (addresses as chips, an invalid one
 * listed back), the invited user's emailed code activates a computer through the client API, the
 * administrator creates a configuration profile and sets it on the key in the key dialog's
 * Configuration Profile tab, and the computer list shows the computer activated by the invited email
 * with that profile, which the client also receives at its next check-in. Screenshots of each step
 * go to target/screenshots as workflow-en-* and workflow-de-*.
 */
@KeyholdIntegrationTest
class InvitationAndProfileWorkflowBrowserIT {

    private static final Pattern CODE = Pattern.compile("INV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** What the pages say in one language, where the test reads it. */
    private record Language(String code, String businessAccount, String keyLabel, String sent, String afterSending,
            String emailSubject, String afterActivation, String profileNotSet, String activatedByColumn) {
    }

    private static final Language ENGLISH = new Language("en", "Business account", "available licenses 5 of 5, 0 invited",
            "2 invitations have been sent.", "available licenses 5 of 5, 2 invited", "your activation code",
            "available licenses 4 of 5, 1 invited", "Configuration profile is not set", "Activated By");

    private static final Language GERMAN = new Language("de", "Gesch\u00e4ftskonto", "verf\u00fcgbare Lizenzen 5 von 5, 0 eingeladen",
            "2 Einladungen wurden gesendet.", "verf\u00fcgbare Lizenzen 5 von 5, 2 eingeladen", "Ihr Aktivierungscode",
            "verf\u00fcgbare Lizenzen 4 von 5, 1 eingeladen", "Kein Konfigurationsprofil festgelegt", "Aktiviert von");

    @Test
    void invitedUserActivatesWithTheEmailedCodeAndTheComputerShowsItsInviteeAndProfile_inEnglish_I1_I2_P1_P2() {
        workflow(ENGLISH);
    }

    @Test
    void invitedUserActivatesWithTheEmailedCodeAndTheComputerShowsItsInviteeAndProfile_inGerman_I1_I2_P1_P2() {
        workflow(GERMAN);
    }

    private static void workflow(Language language) {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("workflow", "EN", 5);
        String invited = Users.uniqueEmail("invited");
        String colleague = Users.uniqueEmail("colleague");
        String profile = "Studio Macs " + language.code().toUpperCase();
        String shot = "workflow-" + language.code() + "-";
        String activationId;

        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            if (language == GERMAN) {
                // the pages speak the user's language (A1), changed on the profile page as a user does
                browser.open("/app/profile.xhtml");
                new Select(browser.find("profile:language")).selectByValue("DE");
                browser.clickAndWaitForPage("profile:save");
                assertTrue(browser.text(By.cssSelector(".ui-messages-info")).contains("Profil wurde gespeichert"));
                browser.open("/app/dashboard.xhtml");
                assertTrue(browser.text(By.id("header:account_label")).contains(language.businessAccount()));
            }

            // I1: Invite Users on the product card; the key with its free seats and invited count; addresses as chips.
            browser.find("products").findElement(By.cssSelector(".kh-invite-users")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
            assertTrue(browser.text(By.id("inviteForm:key")).contains(language.keyLabel()), browser.text(By.id("inviteForm:key")));
            assertEquals(language.code().toUpperCase(), new Select(browser.find("inviteForm:language"))
                    .getFirstSelectedOption().getAttribute("value"), "the invitation's language is the administrator's");
            Chips.type(browser, "inviteForm:emails", invited, "not-an-address", colleague);
            browser.waitFor().until(d -> Chips.invalid(browser, "inviteForm:emails").equals(List.of("not-an-address")));
            assertTrue(browser.text(By.cssSelector("[id='inviteForm:emails:feedback']")).contains("not-an-address"));
            browser.waitFor().until(d -> sendButton(browser).contains("(3)"));
            browser.screenshot(shot + "01-invite-users-chips");

            // I2: Send Invitations; the invalid address is listed back, not dropped; the invited count shows.
            scrollTo(browser, "inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    language.sent()));
            String rejected = browser.text(By.id("inviteForm:rejected"));
            assertTrue(rejected.contains("not-an-address"), rejected);
            assertTrue(browser.text(By.id("inviteForm:key")).contains(language.afterSending()),
                    "two pending now: " + browser.text(By.id("inviteForm:key")));
            browser.screenshot(shot + "02-invitations-sent");

            // I2, I3: the emailed code, in the chosen language, activates a computer through the client API.
            Mailbox.Email mail = Mailbox.awaitTo(invited, language.emailSubject());
            assertEquals(language.code(), mail.language());
            assertFalse(mail.body().contains(admin.subscription().primaryKey()), "the key is never revealed");
            Matcher code = CODE.matcher(mail.body());
            assertTrue(code.find(), mail.body());
            Mailbox.awaitTo(colleague, language.emailSubject());
            Http.Answer activated = Clients.activate(code.group(), Clients.newHardwareId());
            assertEquals(201, activated.status(), activated.body());
            activationId = activated.json().getString("activationId");
            String token = activated.json().getString("activationToken");
            assertEquals("Default", activated.json().getJsonObject("configurationProfile").getString("name"));

            browser.open("/app/dashboard.xhtml");
            browser.find("products").findElement(By.cssSelector(".kh-invite-users")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
            assertTrue(browser.text(By.id("inviteForm:key")).contains(language.afterActivation()),
                    "a seat used, one invitation still pending: " + browser.text(By.id("inviteForm:key")));

            // P1: a configuration profile with the VM image payload, on the Configuration Profiles page.
            browser.open("/app/profiles.xhtml");
            browser.find("profiles:create").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("profileForm:profileName")));
            browser.type("profileForm:profileName", profile);
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(byIdEnd("vmImageEnabled"))).click();
            typeInto(browser, "imageUrl", "https://images.example.com/studio.pvmp");
            typeInto(browser, "checksum", Profiles.CHECKSUM);
            typeInto(browser, "vmName", "Studio VM");
            browser.screenshot(shot + "03-profile-dialog");
            browser.find("profileForm:save").click();
            browser.waitForAjax();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profiles:profileTable"), profile));
            browser.screenshot(shot + "04-profile-listed");

            // P2: the key dialog's Configuration Profile tab sets it on the key.
            browser.open("/app/subscription.xhtml?id=" + admin.subscription().id());
            browser.find("keys:keyTable:0:edit").click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("keyTabProfile"))).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keyForm:keyProfile")));
            assertTrue(browser.text(By.id("keyForm:keyProfileBox")).contains(language.profileNotSet()),
                    browser.text(By.id("keyForm:keyProfileBox")));
            browser.choose("keyForm:keyProfile", profile);
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("keyForm:keyProfile_panel")));
            browser.screenshot(shot + "05-key-dialog-profile-tab");
            browser.find("keyForm:saveKey").click();
            browser.waitForAjax();
            browser.waitFor().until(d -> profile.equals(admin.keys().get(0).getString("profileId", null) == null ? null
                    : Http.get("/api/v1/admin/profiles/" + admin.keys().get(0).getString("profileId"), "Authorization",
                            admin.bearer()).json().getString("name")));

            // C2, P2: the computer list shows who activated it (the invited email) and its profile.
            browser.open("/app/computers.xhtml");
            browser.waitForRows("computers:table", 1);
            browser.find("computers:columns").click();
            By activatedBy = By.xpath("//*[contains(@class,'ui-columntoggler')]//li[contains(., '" + language.activatedByColumn()
                    + "')]//div[contains(@class,'ui-chkbox-box')]");
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(activatedBy)).click();
            browser.find("computers:columns").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computers:table"), invited));
            WebElement row = browser.row("computers:table", activationId);
            assertTrue(row.getText().contains(invited) && row.getText().contains(profile), row.getText());
            // the list is wider than the window: bring the Activated By column into view for the screenshot
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'nearest', inline: 'end'});",
                    row.findElement(By.xpath("./td[contains(., '" + invited + "')]")));
            browser.screenshot(shot + "06-computers-activated-by-and-profile");

            JsonObject checkIn = Clients.checkIn(activationId, token).json();
            assertEquals(profile, checkIn.getJsonObject("configurationProfile").getString("name"), "P2: at the next check-in");
            assertEquals("VM_IMAGE", checkIn.getJsonObject("configurationProfile").getJsonArray("payloads").getJsonObject(0)
                    .getString("type"));
        }
        JsonObject computer = Http.get("/api/v1/admin/computers/" + activationId, "Authorization", admin.bearer()).json();
        assertEquals(invited, computer.getString("activatedBy"));
        assertEquals(profile, computer.getJsonObject("configurationProfile").getString("name"));
    }

    private static String sendButton(Browser browser) {
        return browser.find("inviteForm:sendButton").getAttribute("textContent");
    }

    private static WebElement scrollTo(Browser browser, String id) {
        WebElement element = browser.find(id);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", element);
        return element;
    }

    private static By byIdEnd(String id) {
        return By.cssSelector("[id$=':" + id + "']");
    }

    private static void typeInto(Browser browser, String idEnd, String text) {
        WebElement field = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(byIdEnd(idEnd)));
        field.clear();
        field.sendKeys(text);
    }
}
