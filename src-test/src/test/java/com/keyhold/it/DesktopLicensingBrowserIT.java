package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's walk through desktop licensing in headless Chromium: register a key, create a
 * reserved sublicense, see two computers activated through the client API, blacklist one and move
 * the other to the primary key (SPEC L2, L4, L11, C5, C8).
 */
@KeyholdIntegrationTest
class DesktopLicensingBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void registerAKeyCreateASublicenseAndManageItsComputers() {
        Subscriptions.Issued subscription = Subscriptions.desktop(10);
        String email = Users.uniqueEmail("walk");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);

            // L2, A2: the key registers into a new business account.
            browser.open("/app/register-key.xhtml");
            browser.type("registerKey:key", subscription.primaryKey().toLowerCase())
                    .type("registerKey:name", "Design Studio");
            browser.find("registerKey:submit").click();
            // the business key is recognised: the seed's "Provide your business details" dialog
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("businessDetails:companyName")));
            browser.type("businessDetails:companyName", "Walk & Co");
            browser.choose("businessDetails:country", "Germany");
            browser.type("businessDetails:zip", "10115").type("businessDetails:phone", "+49 30 1234");
            browser.clickAndWaitForPage("businessDetails:register");
            browser.waitFor().until(d -> browser.path().equals("/app/subscription.xhtml"));
            assertEquals("/app/subscription.xhtml", browser.path());
            assertEquals("Design Studio", browser.find("subscriptionHeader:name").getAttribute("value"));
            assertTrue(browser.text(By.id("header:account_label")).contains("Walk & Co"), "the new account is selected");
            browser.screenshot("walk-01-subscription");

            // L4: a reserved sublicense with three seats.
            browser.find("keys:create").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keyForm:keyName")));
            browser.type("keyForm:keyName", "Sublicense 1");
            browser.find("keyForm:keyQuota_input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
            browser.find("keyForm:saveKey").click();
            browser.waitForAjax();
            browser.screenshot("walk-02a-key-saved");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys:keyTable"), "Sublicense 1"));
            assertTrue(browser.text(By.id("keys:keyTable")).contains("Reserved"));
            browser.screenshot("walk-02-sublicense");

            JsonObject sublicense = keyNamed(token, subscription.id(), "Sublicense 1");
            // L9: lists carry the key masked; the administrator reveals it to hand it out
            String sublicenseKey = Http.call("POST", "/api/v1/admin/keys/" + sublicense.getString("id") + "/reveal", null,
                    "Authorization", Http.bearer(token)).json().getString("key");
            String blacklisted = Clients.activate(sublicenseKey, Clients.newHardwareId()).json().getString("activationId");
            String moved = Clients.activate(sublicenseKey, Clients.newHardwareId()).json().getString("activationId");

            // L11: the product card counts them.
            browser.open("/app/dashboard.xhtml");
            assertEquals("2", browser.text(By.cssSelector(".kh-count-registered")));
            assertEquals("1", browser.text(By.cssSelector(".kh-count-subscriptions")));
            browser.screenshot("walk-03-dashboard");

            // L3: the subscriptions list filters by status and searches by name.
            browser.open("/app/subscriptions.xhtml");
            assertTrue(browser.text(By.id("subscriptions:list")).contains("Design Studio"));
            browser.choose("subscriptions:display", "Expired");
            browser.waitFor().until(ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions:list"), "Design Studio")));
            browser.choose("subscriptions:display", "All");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("subscriptions:list"), "Design Studio"));
            browser.screenshot("walk-03b-subscriptions");

            browser.open("/app/computers.xhtml");
            browser.waitForRows("computers:table", 2);
            browser.screenshot("walk-04-computers");

            // C5: blacklist one.
            browser.selectRow("computers:table", blacklisted);
            browser.chooseAction("computers:actions_button", "computers:blacklist");
            browser.waitFor().until(d -> browser.row("computers:table", blacklisted).getText().contains("Blacklisted"));

            // C8: move the other to the primary key.
            browser.selectRow("computers:table", moved);
            browser.chooseAction("computers:actions_button", "computers:move");
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:targetKey")));
            browser.choose("moveForm:targetKey", "Design Studio");
            browser.find("moveForm:confirmMove").click();
            browser.waitFor().until(d -> browser.row("computers:table", moved).getText().contains("Design Studio"));
            browser.screenshot("walk-05-blacklisted-and-moved");
        }
        JsonObject primary = keyNamed(token, subscription.id(), null);
        assertEquals("BLACKLISTED", computer(token, blacklistedId(token)).getString("status"));
        assertEquals(1, primary.getInt("used"), "the moved computer now uses a primary seat");
        assertEquals(0, keyNamed(token, subscription.id(), "Sublicense 1").getInt("used"));
    }

    /** The key with that name, or the primary key when the name is null. */
    private static JsonObject keyNamed(String token, String subscriptionId, String name) {
        return Http.get("/api/v1/admin/subscriptions/" + subscriptionId + "/keys", "Authorization", Http.bearer(token))
                .json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(k -> name == null ? k.getString("type").equals("PRIMARY") : k.getString("name").equals(name))
                .findFirst().orElseThrow();
    }

    private static String blacklistedId(String token) {
        return Http.get("/api/v1/admin/computers?status=BLACKLISTED", "Authorization", Http.bearer(token))
                .json().getJsonArray("items").getJsonObject(0).getString("id");
    }

    private static JsonObject computer(String token, String id) {
        return Http.get("/api/v1/admin/computers/" + id, "Authorization", Http.bearer(token)).json();
    }
}
