package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Activity page in headless Chromium (issue 9): an administrator sees what was done, escaped. */
@KeyholdIntegrationTest
class ActivityPageBrowserIT {

    private static final By ROWS = By.cssSelector("[id='activity:table_data'] > tr[data-ri]");
    private static final String HOSTILE = "<script>window.keyholdXss=1</script>Lab";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anAdministratorSeesRecordedActionsWithTypedTextShownAsText() {
        String email = Users.uniqueEmail("admin");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme " + email.substring(6, 14) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        Http.Answer key = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                "{\"name\":\"" + HOSTILE.replace("\"", "\\\"") + "\",\"type\":\"RESERVED\",\"quota\":1}",
                "Authorization", Http.bearer(token));
        assertEquals(201, key.status(), key.body());
        String keyId = key.json().getString("id");

        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            assertFalse(browser.find("menu").findElements(By.cssSelector("[id$='menuActivity']")).isEmpty(),
                    "administrators have the Activity menu item");
            browser.open("/app/activity.xhtml");
            assertEquals("/app/activity.xhtml", browser.path());
            waitForRows(browser, 2);
            WebElement newest = browser.driver().findElements(ROWS).get(0);
            String row = newest.getText();
            assertTrue(row.contains("License key created"), row);
            assertTrue(row.contains("KEY.CREATED"), row);
            assertTrue(row.contains(email), row);
            assertTrue(row.contains(keyId), row);
            assertTrue(row.contains(HOSTILE), "the typed name is shown as text: " + row);
            assertTrue(newest.findElements(By.tagName("script")).isEmpty(), "no script element was made of it");
            assertEquals(null, ((JavascriptExecutor) browser.driver()).executeScript("return window.keyholdXss;"),
                    "the script never ran");
            browser.screenshot("activity-page");

            // The action filter narrows the list in the database.
            browser.choose("activity:action", "Key registered");
            waitForRows(browser, 1);
            assertTrue(browser.text(By.id("activity:table")).contains("SUBSCRIPTION.REGISTERED"));
            assertFalse(browser.text(By.id("activity:table")).contains("KEY.CREATED"));
        }
    }

    @Test
    void aRegularMemberHasNoActivityMenuAndIsRefusedThePage() {
        Accounts.Business acme = Accounts.withDesktopSubscription(2);
        Members.Member regular = Members.join(acme);
        try (Browser browser = new Browser()) {
            browser.signIn(regular.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            assertTrue(browser.find("menu").findElements(By.cssSelector("[id$='menuActivity']")).isEmpty(),
                    "no menu item for a regular member");
            browser.open("/app/activity.xhtml");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Only account administrators can see the account's activity."));
            assertTrue(browser.driver().findElements(By.id("activity:table")).isEmpty(), "no table at all");
        }
    }

    /** The table's rows (it has no selection, so its rows carry an index but no row key). */
    private static void waitForRows(Browser browser, int count) {
        browser.waitFor().until(d -> {
            browser.waitForAjax();
            return d.findElements(ROWS).size() == count;
        });
    }

}
