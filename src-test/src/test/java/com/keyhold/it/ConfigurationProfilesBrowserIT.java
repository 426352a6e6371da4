package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Profiles;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seed's "Using Configuration Profiles" in headless Chromium (SPEC P1, P2): create a profile on the
 * Configuration Profiles page, apply it to a key in the key dialog, and see it on the computer list
 * and at the computer's next check-in.
 */
@KeyholdIntegrationTest
class ConfigurationProfilesBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anAdministratorCreatesAProfileAndAppliesItToAKey_P1_P2() {
        Accounts.Business account = Accounts.withDesktopSubscription(5);
        String email = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        JsonObject computer = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json();

        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            // the seed's way in: the product page's More menu (issue 12), not the main menu
            browser.open("/app/subscriptions.xhtml?product=DESKTOP");
            browser.chooseAction("productHeader:more_button", "productHeader:moreProfiles");
            browser.waitFor().until(d -> browser.path().equals("/app/profiles.xhtml"));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profiles:profileTable"),
                    "You have not created any configuration profiles yet."));
            browser.screenshot("profiles-01-empty");

            // P1: Create Profile; the name, then the VM image payload switched on with its settings.
            browser.find("profiles:create").click();
            By name = By.id("profileForm:profileName");
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(name));
            browser.type("profileForm:profileName", "Studio Macs");
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(byIdEnd("vmImageEnabled"))).click();
            typeInto(browser, "imageUrl", "https://images.example.com/studio.pvmp");
            typeInto(browser, "checksum", Profiles.CHECKSUM);
            typeInto(browser, "vmName", "Studio VM");
            browser.screenshot("profiles-02-dialog");
            browser.find("profileForm:save").click();
            browser.waitForAjax();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("profiles:profileTable"), "Studio Macs"));
            assertTrue(browser.text(By.id("profiles:profileTable")).contains("Corporate VM image"), "the enabled payload is listed");
            browser.screenshot("profiles-03-listed");

            // P2: the key dialog applies it to the primary key.
            browser.open("/app/subscription.xhtml?id=" + account.subscription().id());
            browser.find("keys:keyTable:0:edit").click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("keyTabProfile"))).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keyForm:keyProfile")));
            assertTrue(browser.text(By.id("keyForm:keyProfileBox")).contains("Configuration profile is not set"));
            browser.choose("keyForm:keyProfile", "Studio Macs");
            browser.screenshot("profiles-04-key-dialog");
            browser.find("keyForm:saveKey").click();
            browser.waitForAjax();
            browser.waitFor().until(d -> "Studio Macs".equals(primaryKeyProfileName(account)));

            // the computer list shows it, and the computer receives it at its next check-in
            browser.open("/app/computers.xhtml");
            browser.waitForRows("computers:table", 1);
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computers:table"), "Studio Macs"));
            browser.screenshot("profiles-05-computers");
            browser.choose("computers:profileFilter", "Default");
            browser.waitForRows("computers:table", 0);
            browser.choose("computers:profileFilter", "Studio Macs");
            browser.waitForRows("computers:table", 1);
            browser.screenshot("profiles-06-computers-filtered");
        }
        JsonObject checkIn = Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken")).json();
        JsonObject profile = checkIn.getJsonObject("configurationProfile");
        assertEquals("Studio Macs", profile.getString("name"));
        assertEquals("VM_IMAGE", profile.getJsonArray("payloads").getJsonObject(0).getString("type"));
        assertEquals("Studio VM", profile.getJsonArray("payloads").getJsonObject(0).getString("vmName"));
    }

    private static By byIdEnd(String id) {
        return By.cssSelector("[id$=':" + id + "']");
    }

    private static void typeInto(Browser browser, String idEnd, String text) {
        WebElement field = browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(byIdEnd(idEnd)));
        field.clear();
        field.sendKeys(text);
    }

    private static String primaryKeyProfileName(Accounts.Business account) {
        Members.Member admin = Members.administrator(account);
        String profileId = Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys", admin.headers())
                .json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow().getString("profileId", null);
        return profileId == null ? null : Http.get("/api/v1/admin/profiles/" + profileId, admin.headers()).json().getString("name");
    }

}
