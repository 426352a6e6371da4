package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seed guide's desktop chapters (../shared/seeds/desktop-business-licensing-guide.txt), followed in
 * their order in the real browser, in English and German (issue 12): the dashboard and its product
 * card, the product's subscriptions, a subscription with its license keys, the registered computers.
 * Every page visited is checked with axe-core, and screenshotted at 1280×800 and 1920×1080.
 */
@KeyholdIntegrationTest
class DesktopGuideBrowserIT {

    /** What differs between the languages: the words the test looks for. */
    enum Language {
        EN("Business account", "Registered Computers", "Active", "Issued for 10 seats", "Quota of licenses (3 out of 10)",
                "Reactivate Computers", "key XXXXXX-", "Deactivate 3 computers?", "3 computers deactivated."),
        DE("Gesch\u00e4ftskonto", "Registrierte Computer", "Aktiv", "Ausgestellt f\u00fcr 10 Pl\u00e4tze",
                "Lizenzkontingent (3 von 10)", "Computer reaktivieren", "Schl\u00fcssel XXXXXX-", "3 Computer deaktivieren?",
                "3 Computer deaktiviert.");

        final String businessAccount;
        final String registeredComputers;
        final String active;
        final String issuedFor;
        final String quotaLabel;
        final String reactivate;
        final String activatedByKey;
        final String bulkQuestion;
        final String bulkDone;

        Language(String businessAccount, String registeredComputers, String active, String issuedFor, String quotaLabel, String reactivate, String activatedByKey, String bulkQuestion, String bulkDone) {
            this.businessAccount = businessAccount;
            this.registeredComputers = registeredComputers;
            this.active = active;
            this.issuedFor = issuedFor;
            this.quotaLabel = quotaLabel;
            this.reactivate = reactivate;
            this.activatedByKey = activatedByKey;
            this.bulkQuestion = bulkQuestion;
            this.bulkDone = bulkDone;
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /**
     * Dashboard (L11): the product card's counts open the lists already filtered; the header's user
     * menu names who is signed in and leads to their own settings; the product page has the seed's
     * breadcrumb and Registered Computers (n), Download and More.
     */
    @Test
    void dashboardAndProductPage_L11InEnglish() {
        dashboardAndProductPage_L11(Language.EN);
    }

    @Test
    void dashboardAndProductPage_L11InGerman() {
        dashboardAndProductPage_L11(Language.DE);
    }

    private void dashboardAndProductPage_L11(Language language) {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("guide-dash", language.name(), 10);
        for (int i = 0; i < 2; i++) {
            assertEquals(201, Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId()).status());
        }
        // a second subscription that starts next week: not active yet, so not counted as active (L3, L11)
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        com.keyhold.it.support.Subscriptions.Issued later = com.keyhold.it.support.Subscriptions.issue("DESKTOP", 5,
                today.plusDays(7), today.plusYears(1));
        assertEquals(201, Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + later.primaryKey() + "\"}",
                "Authorization", admin.bearer(), "X-Account-Id", admin.accountId()).status());
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD).chooseAccount(language.businessAccount);
            assertEquals("1", browser.text(By.cssSelector(".kh-count-subscriptions")), "the card counts what the Active filter shows");
            assertTrue(browser.text(By.cssSelector("label[for='header:account_input'], #header .kh-account-label")).contains("(2)"),
                    "the account selector counts the user's accounts: personal and business");
            shoot(browser, language, "01-dashboard");
            browser.assertAccessible("the dashboard");

            browser.openUserMenu();
            String userMenu = browser.find("header:userMenu").getText();
            assertTrue(userMenu.toLowerCase().contains(admin.email().toLowerCase()), userMenu);
            browser.find("header:menuProfile").click();
            browser.waitFor().until(d -> browser.path().equals("/app/profile.xhtml"));
            browser.open("/app/dashboard.xhtml");

            // the card's count of registered computers opens the list on Active
            browser.driver().findElement(By.cssSelector(".kh-count-registered")).click();
            browser.waitFor().until(d -> browser.path().equals("/app/computers.xhtml"));
            assertEquals(language.active + " (2)", browser.text(By.id("computers:statusFilter_label")),
                    "opened on Active, with its count");
            browser.waitForRows("computers:table", 2);
            assertTrue(browser.text(By.id("productHeader:registeredComputers")).contains(language.registeredComputers + " (2)"));
            browser.assertAccessible("the computers page");

            // the breadcrumb's product leads to the product's subscriptions
            browser.clickAndWaitForPage("productHeader:crumbProduct");
            assertEquals("/app/subscriptions.xhtml", browser.path());
            assertTrue(browser.text(By.id("subscriptions:list")).contains("Desktop 10 seats"));
            assertTrue(browser.driver().findElement(By.id("productDownload")).getAttribute("href")
                    .endsWith("/downloads/" + "DESKTOP"));
            browser.chooseAction("productHeader:more_button", "productHeader:moreProfiles");
            browser.waitFor().until(d -> browser.path().equals("/app/profiles.xhtml"));
            browser.open("/app/subscriptions.xhtml?product=" + "DESKTOP");
            shoot(browser, language, "02-product-subscriptions");
            browser.assertAccessible("the product's subscriptions");
        }
    }

    /**
     * A subscription and its keys (L1, L9): the order history in the reader's language; the keys
     * table's HTML carries no full key until one is revealed; the key dialog's quota out of the seats.
     */
    @Test
    void subscriptionAndKeys_L1_L9InEnglish() {
        subscriptionAndKeys_L1_L9(Language.EN);
    }

    @Test
    void subscriptionAndKeys_L1_L9InGerman() {
        subscriptionAndKeys_L1_L9(Language.DE);
    }

    private void subscriptionAndKeys_L1_L9(Language language) {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("guide-keys", language.name(), 10);
        JsonObject lab = admin.createKey("Lab", "RESERVED", 3);
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD).chooseAccount(language.businessAccount);
            browser.open("/app/subscription.xhtml?id=" + admin.subscription().id());
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keys:keyTable")));
            String html = browser.driver().getPageSource();
            assertFalse(html.contains(admin.subscription().primaryKey()), "L9: no full key in the page");
            assertFalse(html.contains(lab.getString("key")), "L9: no full key in the page");
            assertTrue(html.contains(lab.getString("key").substring(lab.getString("key").length() - 6)), "the masked key's end");
            shoot(browser, language, "03-subscription");
            browser.assertAccessible("the subscription page");

            // Order History in the reader's language
            browser.driver().findElement(By.cssSelector("[onclick*='ordersDialog']")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kh-order-text")));
            String issued = browser.text(By.cssSelector(".kh-order-text"));
            assertTrue(issued.startsWith(language.issuedFor), issued);
            browser.driver().findElement(By.xpath("//div[contains(@class,'ui-dialog') and .//*[contains(@class,'kh-order-text')]]"
                    + "//a[contains(@class,'ui-dialog-titlebar-close')]")).click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".kh-order-text")));

            // reveal the Lab key: shown in its dialog, recorded in the activity log
            By labRow = By.xpath("//tbody[@id='keys:keyTable_data']/tr[.//div[@class='kh-key-name' and text()='Lab']]");
            browser.driver().findElement(labRow).findElement(By.cssSelector(".kh-reveal-key")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("revealedKey"), lab.getString("key")));
            shoot(browser, language, "04-key-revealed");
            JsonObject logged = Http.get("/api/v1/admin/activity?action=KEY.REVEALED", "Authorization", admin.bearer()).json()
                    .getJsonArray("items").getJsonObject(0);
            assertEquals(lab.getString("id"), logged.getString("objectId"));
            browser.driver().findElement(By.cssSelector("#revealDialog .ui-dialog-titlebar-close")).click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("revealedKey")));

            // the gear opens the key dialog: "Quota of licenses (3 out of 10)"
            browser.driver().findElement(labRow).findElement(By.cssSelector("[id$=':edit']")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keyForm:keyQuotaLabel"),
                    language.quotaLabel));
            shoot(browser, language, "05-key-dialog");
            browser.assertAccessible("the key dialog");
        }
    }

    /**
     * Registered Computers (C2, C4, C6): filter menus with their counts, the seed's action names, Host
     * OS and User Name on the General tab, "activated by" in the reader's words, and select all across
     * the whole filtered list with the count shown before the action.
     */
    @Test
    void registeredComputers_C2_C4_C6InEnglish() {
        registeredComputers_C2_C4_C6(Language.EN);
    }

    @Test
    void registeredComputers_C2_C4_C6InGerman() {
        registeredComputers_C2_C4_C6(Language.DE);
    }

    private void registeredComputers_C2_C4_C6(Language language) {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("guide-cmp", language.name(), 10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Http.Answer activated = Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId());
            assertEquals(201, activated.status(), activated.body());
            ids.add(activated.json().getString("activationId"));
        }
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD).chooseAccount(language.businessAccount);
            browser.open("/app/computers.xhtml");
            browser.waitForRows("computers:table", 3);
            assertTrue(browser.text(By.id("computers:statusFilter_label")).contains("(3)"), "the status menu counts");
            browser.find("computers:actions_button").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("computers:move")));
            assertTrue(browser.text(By.id("computers:move")).contains(language.reactivate));
            browser.find("computers:actions_button").click();

            // the computer dialog: Host OS and User Name on General, the key links to its subscription
            browser.driver().findElement(By.cssSelector("[id='computers:table_data'] tr[data-rk='" + ids.get(0) + "'] .kh-computer-name")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("generalHostOs")));
            assertEquals("macOS 14.1", browser.text(By.id("generalHostOs")));
            assertEquals("appleseed", browser.text(By.id("generalUserName")));
            assertTrue(browser.text(By.id("dialogActivatedBy")).startsWith(language.activatedByKey), browser.text(By.id("dialogActivatedBy")));
            assertTrue(browser.driver().findElement(By.id("computerForm:tabs:keySubscription")).getAttribute("href")
                    .contains("id=" + admin.subscription().id()));
            shoot(browser, language, "06-computer-dialog");
            browser.assertAccessible("the computer dialog");
            browser.find("computerForm:cancel").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("generalHostOs")));

            // select one computer, then every computer that matches the filter (more than was selected), then Deactivate
            browser.selectRow("computers:table", ids.get(1));
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("computers:selectAllMatching"))).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("allMatchingCount")));
            assertTrue(browser.text(By.id("allMatchingCount")).contains("3"), browser.text(By.id("allMatchingCount")));
            browser.chooseAction("computers:actions_button", "computers:deactivate");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulkQuestion"), language.bulkQuestion));
            shoot(browser, language, "07-select-all-confirm");
            browser.find("bulkConfirmForm:confirmBulk").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"),
                    language.bulkDone));
            for (String id : ids) {
                assertEquals("DEACTIVATED", Http.get("/api/v1/admin/computers/" + id, "Authorization", admin.bearer()).json()
                        .getString("status"), "every matching computer, also those on no page shown");
            }
            browser.waitFor().until(d -> d.findElement(By.cssSelector("[id='computers:statusFilter_input'] option[value='DEACTIVATED']"))
                    .getAttribute("textContent").endsWith("(3)"));
            shoot(browser, language, "08-after-select-all");
        }
    }

    /** The same screen at the two sizes administrators use; the menu must fit on one line at both. */
    private static void shoot(Browser browser, Language language, String name) {
        for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
            browser.resize(size[0], size[1]);
            browser.waitForAjax();
            assertMenuOnOneLine(browser, name + " at " + size[0]);
            browser.screenshot("guide-" + language.name().toLowerCase() + "-" + name + "-" + size[0] + "x" + size[1]);
        }
        browser.resize(1280, 900);
    }

    /** The header and the menu bar neither wrap nor overflow (issue 12's screenshots). */
    private static void assertMenuOnOneLine(Browser browser, String where) {
        Object fits = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "var bar = document.querySelector('.kh-menu .ui-menubar ul');"
                        + "var header = document.querySelector('.kh-header');"
                        + "if (!bar || !header) return 'missing';"
                        + "var items = Array.from(bar.children).filter(function (li) { return li.offsetParent !== null; });"
                        + "var tops = items.map(function (li) { return li.getBoundingClientRect().top; });"
                        + "var oneLine = tops.every(function (t) { return Math.abs(t - tops[0]) < 4; });"
                        + "var noOverflow = header.scrollWidth <= header.clientWidth + 1 && bar.scrollWidth <= bar.clientWidth + 1;"
                        + "return oneLine && noOverflow ? 'ok' : 'menu ' + (oneLine ? 'overflows' : 'wraps');");
        assertEquals("ok", fits, where);
    }
}
