package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Chips;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seed guide's "Create a Business Account" (Register Key with the "Provide your business details"
 * dialog), "Viewing and Modifying the Business Profile", "Inviting Users to Join a Business Account"
 * and "Blocking and Removing Members" in the browser, step by step, in English and German, with
 * screenshots (issue 12; SPEC A2, A4, A5, A7, A8).
 */
@KeyholdIntegrationTest
class BusinessProfileBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    // --- Register Key (A2)

    @Test
    void aBusinessKeyAsksForTheBusinessDetailsInTheSeedsDialogAndStoresTheCountryAsItsCode_A2_A4() {
        String email = signUp("regbiz", "EN");
        Subscriptions.Issued subscription = Subscriptions.desktop(10);
        String company = "Dialog Co " + email.substring(7, 15);
        try (Browser browser = new Browser()) {
            // Steps 1-4: sign in, Register Key, the key, Register.
            browser.signIn(email, Users.PASSWORD);
            browser.open("/app/register-key.xhtml");
            browser.type("registerKey:key", subscription.primaryKey()).type("registerKey:name", "Design Studio");
            browser.find("registerKey:submit").click();

            // Step 5: the "Provide your business details:" dialog, recognised from the key.
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("businessDetails:companyName")));
            assertEquals("Provide your business details:", browser.text(By.cssSelector("[id='businessDialog'] .ui-dialog-title")));
            assertTrue(browser.driver().findElements(By.id("registerKey:companyName")).isEmpty(), "no company fields on the page itself");
            browser.screenshot("business-01-register-dialog-en");

            // Cancel closes it and registers nothing; Register opens it again.
            browser.find("businessDetails:cancel").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("businessDetails:companyName")));
            assertEquals("/app/register-key.xhtml", browser.path());
            browser.find("registerKey:submit").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("businessDetails:companyName")));

            // Every field is required, with the field named.
            browser.find("businessDetails:register").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("businessDetails:businessMessages"),
                    "Country: choose the country from the list."));

            browser.type("businessDetails:companyName", company);
            browser.choose("businessDetails:country", "Germany");
            browser.type("businessDetails:zip", "10115").type("businessDetails:phone", "+49 30 1234");
            browser.screenshot("business-02-register-details-en");
            // Step 6: Register. Step 7: the new account's subscription, the business account selected.
            browser.clickAndWaitForPage("businessDetails:register");
            browser.waitFor().until(d -> browser.path().equals("/app/subscription.xhtml"));
            assertTrue(browser.text(By.id("header:account_label")).contains(company), "the new account is selected");
        }
        String accountId = businessAccountId(email);
        assertEquals("DE", DesktopActivationIT.queryString("SELECT company_country FROM accounts WHERE id = ?", accountId),
                "the country is stored as its ISO 3166-1 code");
    }

    @Test
    void aPersonalProductsKeyRegistersStraightAwayWithoutTheDialog_A2() {
        String email = signUp("regpers", "EN");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Subscriptions.Issued personal = Subscriptions.issue("DESKTOP_PERSONAL", 1, today, today.plusYears(1));
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.open("/app/register-key.xhtml");
            browser.type("registerKey:key", personal.primaryKey());
            browser.clickAndWaitForPage("registerKey:submit");
            browser.waitFor().until(d -> browser.path().equals("/app/subscription.xhtml"));
        }
        assertEquals(1, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(Users.tokenFor(email))).json()
                .getJsonArray("items").size(), "no business account");
    }

    @Test
    void theBusinessDetailsDialogAndTheCountryListSpeakGerman_A2_A4() {
        String email = signUp("regde", "DE");
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        String company = "Dialog GmbH " + email.substring(6, 14);
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.open("/app/register-key.xhtml");
            browser.type("registerKey:key", subscription.primaryKey());
            browser.find("registerKey:submit").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("businessDetails:companyName")));
            assertEquals("Geben Sie die Angaben zu Ihrem Unternehmen an:",
                    browser.text(By.cssSelector("[id='businessDialog'] .ui-dialog-title")));
            browser.type("businessDetails:companyName", company);
            browser.choose("businessDetails:country", "\u00d6sterreich");
            browser.type("businessDetails:zip", "1010").type("businessDetails:phone", "+43 1 234");
            browser.screenshot("business-02-register-details-de");
            browser.clickAndWaitForPage("businessDetails:register");
            browser.waitFor().until(d -> browser.path().equals("/app/subscription.xhtml"));

            // The Business Profile names the code in the reader's language.
            browser.open("/app/business.xhtml");
            assertEquals("\u00d6sterreich", browser.text(By.id("companyCountry")));
            browser.screenshot("business-03-general-de");
        }
        assertEquals("AT", DesktopActivationIT.queryString("SELECT company_country FROM accounts WHERE id = ?",
                businessAccountId(email)));
    }

    // --- Business Profile, General: the company's Edit (A4)

    @Test
    void theCompanyIsEditedWithTheCountryListAndAnOldFreeTextCountryStillShows_A4() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("edit", "EN", 3);
        // a company stored before countries were codes
        assertEquals(1, update("UPDATE accounts SET company_country = 'Federal Republic' WHERE id = ?",
                admin.accountId()));
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.find("menu").findElement(By.cssSelector("[id$='menuBusinessProfile']")).click();
            browser.waitFor().until(d -> browser.path().equals("/app/business.xhtml"));
            assertEquals("Federal Republic", browser.text(By.id("companyCountry")), "the stored text, as typed");

            // Edit: the list starts empty and the old text is shown beside it.
            browser.find("tabs:companyActions:edit").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("companyForm:country")));
            assertTrue(browser.text(By.id("companyForm:storedCountry")).contains("Federal Republic"));
            browser.find("companyForm:save").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("companyForm:companyMessages"),
                    "Country: choose the country from the list."));
            browser.choose("companyForm:country", "United States");
            browser.screenshot("business-04-edit-company-en");
            browser.find("companyForm:save").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("companyCountry"), "United States"));
        }
        assertEquals("US", DesktopActivationIT.queryString("SELECT company_country FROM accounts WHERE id = ?", admin.accountId()));
    }

    // --- Users tab (A5, A7, A8)

    @Test
    void usersAreSortedFilteredWithCountsBlockedUnblockedAndRemovedTogetherAndInvitationsResent_A5_A7_A8() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("bulk", "EN", 3);
        Accounts.Business account = new Accounts.Business(admin.token(), admin.accountId(), admin.subscription());
        Members.Member first = Members.join(account);
        Members.Member second = Members.join(account);
        String adminId = userId(admin, admin.email());
        String invitee = Users.uniqueEmail("again");
        String other = Users.uniqueEmail("other");

        try (Browser browser = new Browser()) {
            // Step 1: Business Profile, then Users.
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.find("menu").findElement(By.cssSelector("[id$='menuBusinessProfile']")).click();
            browser.waitFor().until(d -> browser.path().equals("/app/business.xhtml"));
            openUsersTab(browser);

            // Step 2: the Business Account Users list; its filters count.
            browser.waitForRows("tabs:users:memberTable", 3);
            assertEquals(List.of("All roles (3)", "Account Administrator (1)", "License Administrator (0)", "Regular Member (2)"),
                    options(browser, "tabs:users:roleFilter"));
            assertEquals(List.of("All statuses (3)", "Active (3)", "Blocked (0)"), options(browser, "tabs:users:statusFilter"));
            // sorted by name at first (the seed's "User Name ↑"), every column sorts
            assertEquals(List.of("Ada Admin", "Member Test", "Member Test"), column(browser, 2));
            sortBy(browser, "emailColumn");
            List<String> emails = column(browser, 3);
            assertEquals(emails.stream().sorted().toList(), emails, "by email");
            sortBy(browser, "emailColumn");
            List<String> descending = new java.util.ArrayList<>(emails.stream().sorted().toList());
            java.util.Collections.reverse(descending);
            assertEquals(descending, column(browser, 3), "and the other way round");
            for (String sortable : List.of("nameColumn", "roleColumn", "statusColumn", "sinceColumn")) {
                assertTrue(browser.find("tabs:users:memberTable:" + sortable).getAttribute("class").contains("ui-sortable-column"),
                        sortable);
            }
            browser.screenshot("business-05-users-en");

            // Blocking several: the confirmation says how many; the administrator themselves is left, and says so.
            browser.selectRow("tabs:users:memberTable", first.userId());
            browser.selectRow("tabs:users:memberTable", second.userId());
            browser.selectRow("tabs:users:memberTable", adminId);
            browser.find("tabs:users:bulkBlock").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("bulkQuestion")));
            assertTrue(browser.text(By.id("bulkQuestion")).startsWith("Block the 3 selected users?"), browser.text(By.id("bulkQuestion")));
            assertTrue(browser.text(By.id("bulkForm")).contains("you yourself, and the last active account administrator"));
            assertEquals("Block (3)", browser.find("bulkForm:yes").getText());
            browser.screenshot("business-06-bulk-block-confirm-en");
            browser.find("bulkForm:yes").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "2 users have been blocked."));
            assertTrue(browser.text(By.id("messages")).contains("Not blocked: Ada Admin (" + admin.email()
                    + "). You cannot block or remove yourself"), browser.text(By.id("messages")));
            browser.waitFor().until(d -> options(browser, "tabs:users:statusFilter").contains("Blocked (2)"));
            assertEquals("BLOCKED", member(admin, first.userId()).getString("status"));
            assertEquals("BLOCKED", member(admin, second.userId()).getString("status"));
            assertEquals("ACTIVE", member(admin, adminId).getString("status"));
            Mailbox.awaitTo(first.email(), "has been blocked");
            browser.screenshot("business-07-bulk-blocked-en");

            // The Status filter lists the blocked ones; unblocking them together.
            browser.choose("tabs:users:statusFilter", "Blocked (2)");
            browser.waitForRows("tabs:users:memberTable", 2);
            browser.selectRow("tabs:users:memberTable", first.userId());
            browser.selectRow("tabs:users:memberTable", second.userId());
            browser.find("tabs:users:bulkUnblock").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulkQuestion"), "Unblock the 2 selected users?"));
            browser.find("bulkForm:yes").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "2 users have been unblocked."));
            assertEquals("ACTIVE", member(admin, first.userId()).getString("status"));
            browser.choose("tabs:users:statusFilter", "All statuses");
            browser.waitForRows("tabs:users:memberTable", 3);

            // The member dialog: Cancel closes it and changes nothing.
            browser.find("tabs:users:memberTable").findElement(By.xpath(".//tr[@data-rk='" + second.userId()
                    + "']//a[contains(@class,'kh-member-name')]")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("memberForm:cancel")));
            browser.choose("memberForm:role", "Account Administrator");
            browser.find("memberForm:cancel").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("memberForm:cancel")));
            assertEquals("REGULAR_MEMBER", member(admin, second.userId()).getString("role"));

            // Steps 3-4: Invite Users, addresses as chips, the Send button counts them.
            browser.find("tabs:users:invite").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:emails:chips_input")));
            Chips.type(browser, "inviteForm:emails", invitee, other);
            assertEquals("Send Invitations (2)", browser.find("inviteForm:send").getText());
            browser.screenshot("business-08-invite-chips-en");
            browser.find("inviteForm:send").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:invitations:invitationTable"), invitee));
            String firstLink = Mailbox.awaitTo(invitee, "You are invited").token("/join.xhtml");

            // Resend: a new email with a new link; the earlier link no longer works.
            invitationRow(browser, invitee, "Pending").findElement(By.xpath(".//button[contains(@id,'resend')]")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "A new invitation has been sent to " + invitee + ". The earlier link no longer works."));
            browser.waitFor().until(d -> invitationRows(browser, invitee).size() == 2);
            assertTrue(invitationRows(browser, invitee).stream().anyMatch(r -> r.contains("Revoked")));
            assertTrue(invitationRows(browser, invitee).stream().anyMatch(r -> r.contains("Pending")));
            browser.screenshot("business-09-resent-en");
            Http.Answer old = Http.postJson("/api/v1/invitations/preview", "{\"token\":\"" + firstLink + "\"}");
            assertEquals(410, old.status(), "the earlier link stops working");

            // Removing together ("Blocking and Removing Members"): the confirmation counts, the member is told.
            browser.selectRow("tabs:users:memberTable", second.userId());
            browser.find("tabs:users:bulkRemove").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulkQuestion"),
                    "Remove the selected user from this business account?"));
            browser.find("bulkForm:yes").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "1 user has been removed from the business account."));
            browser.waitForRows("tabs:users:memberTable", 2);
            assertFalse(browser.text(By.id("tabs:users:memberTable")).contains(second.email()));
            Mailbox.awaitTo(second.email(), "You have been removed from");
        }
    }

    @Test
    void theUsersTabsNewPartsSpeakGerman_A5_A7() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("benutzer", "DE", 3);
        Accounts.Business account = new Accounts.Business(admin.token(), admin.accountId(), admin.subscription());
        Members.Member first = Members.join(account);
        Members.Member second = Members.join(account);
        String invitee = Users.uniqueEmail("erneut");
        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Gesch\u00e4ftskonto");
            browser.find("menu").findElement(By.cssSelector("[id$='menuBusinessProfile']")).click();
            browser.waitFor().until(d -> browser.path().equals("/app/business.xhtml"));
            openUsersTab(browser);
            browser.waitForRows("tabs:users:memberTable", 3);
            assertEquals(List.of("Alle Rollen (3)", "Kontoadministrator (1)", "Lizenzadministrator (0)", "Mitglied (2)"),
                    options(browser, "tabs:users:roleFilter"));
            assertEquals(List.of("Alle Status (3)", "Aktiv (3)", "Gesperrt (0)"), options(browser, "tabs:users:statusFilter"));
            browser.screenshot("business-05-users-de");

            browser.selectRow("tabs:users:memberTable", first.userId());
            browser.selectRow("tabs:users:memberTable", second.userId());
            browser.find("tabs:users:bulkBlock").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("bulkQuestion"),
                    "Die 2 ausgew\u00e4hlten Benutzer sperren?"));
            assertEquals("Sperren (2)", browser.find("bulkForm:yes").getText());
            browser.screenshot("business-06-bulk-block-confirm-de");
            browser.find("bulkForm:yes").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "2 Benutzer wurden gesperrt."));
            assertEquals("BLOCKED", member(admin, first.userId()).getString("status"));

            // the member dialog's Cancel
            browser.find("tabs:users:memberTable").findElement(By.xpath(".//tr[@data-rk='" + first.userId()
                    + "']//a[contains(@class,'kh-member-name')]")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("memberForm:cancel")));
            assertEquals("Abbrechen", browser.find("memberForm:cancel").getText());
            browser.find("memberForm:cancel").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("memberForm:cancel")));

            browser.find("tabs:users:invite").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:emails:chips_input")));
            Chips.type(browser, "inviteForm:emails", invitee);
            assertEquals("Einladungen senden (1)", browser.find("inviteForm:send").getText());
            browser.find("inviteForm:send").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:invitations:invitationTable"), invitee));
            WebElement resend = invitationRow(browser, invitee, "Ausstehend").findElement(By.xpath(".//button[contains(@id,'resend')]"));
            assertEquals("Erneut senden", resend.getText());
            resend.click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Eine neue Einladung wurde an " + invitee + " gesendet."));
            browser.screenshot("business-09-resent-de");
        }
    }

    // --- helpers

    private static int update(String sql, String parameter) {
        try (java.sql.Connection db = com.keyhold.it.support.KeyholdServerExtension.server().connect();
                java.sql.PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signUp(String who, String language) {
        String email = Users.uniqueEmail(who);
        Http.Answer signedUp = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Rita\","
                + "\"lastName\":\"Register\",\"password\":\"" + Users.PASSWORD + "\",\"language\":\"" + language + "\"}");
        assertEquals(201, signedUp.status(), signedUp.body());
        return email;
    }

    private static String businessAccountId(String email) {
        return Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(Users.tokenFor(email))).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("type").equals("BUSINESS")).findFirst().orElseThrow().getString("id");
    }

    private static JsonObject member(BusinessAdmins.Admin admin, String userId) {
        Http.Answer answer = Http.get("/api/v1/admin/members/" + userId, "Authorization", admin.bearer(), "X-Account-Id", admin.accountId());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static String userId(BusinessAdmins.Admin admin, String email) {
        return Http.get("/api/v1/admin/members?q=" + email, "Authorization", admin.bearer(), "X-Account-Id", admin.accountId())
                .json().getJsonArray("items").getJsonObject(0).getString("userId");
    }

    private static void openUsersTab(Browser browser) {
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#tabs:usersTab']"))).click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:users:memberTable")));
    }

    /** The labels of a select menu's items, as its panel lists them. */
    private static List<String> options(Browser browser, String menuId) {
        browser.waitForAjax();
        return browser.driver().findElements(By.cssSelector("[id='" + menuId + "_input'] option")).stream()
                .map(o -> o.getAttribute("textContent").strip()).toList();
    }

    private static void sortBy(Browser browser, String columnId) {
        browser.find("tabs:users:memberTable:" + columnId).click();
        browser.waitForAjax();
    }

    /** The texts of one column of the Users list (1 is the selection box). */
    private static List<String> column(Browser browser, int index) {
        browser.waitForAjax();
        return browser.driver().findElements(By.cssSelector("[id='tabs:users:memberTable_data'] > tr[data-rk] > td:nth-child(" + index + ")"))
                .stream().map(WebElement::getText).map(String::strip).toList();
    }

    private static WebElement invitationRow(Browser browser, String email, String status) {
        return browser.waitFor().until(d -> d.findElements(By.xpath("//*[@id='tabs:invitations:invitationTable']//tr[contains(., '"
                + email + "') and contains(., '" + status + "')]")).stream().findFirst().orElse(null));
    }

    private static List<String> invitationRows(Browser browser, String email) {
        browser.waitForAjax();
        return browser.driver().findElements(By.xpath("//*[@id='tabs:invitations:invitationTable']//tr[contains(., '" + email + "')]"))
                .stream().map(WebElement::getText).toList();
    }
}
