package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Chips;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The two ways into invitations that the other browser tests do not take (SPEC I1, A5): Invite Users
 * in a subscription's header, which lists that subscription's keys open to choose from, and the
 * member invitations of the Business Profile, which take several colleagues at once as address
 * chips (the same component as the Invite Users dialog) and keep invalid ones marked on the list.
 */
@KeyholdIntegrationTest
class InvitationDialogsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theSubscriptionHeadersInviteUsersListsItsOwnKeysToChooseFrom_I1() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("header", "EN", 6);
        JsonObject lab = admin.createKey("Lab", "RESERVED", 2);
        // a second subscription in the same account, whose key must not be offered from the first one's page
        Subscriptions.Issued other = Subscriptions.desktop(3);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + other.primaryKey()
                + "\",\"name\":\"Other subscription\"}", "Authorization", admin.bearer(), "X-Account-Id", admin.accountId());
        assertEquals(201, registered.status(), registered.body());
        String invitee = Users.uniqueEmail("labtester");

        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/subscription.xhtml?id=" + admin.subscription().id());
            browser.find("subscriptionHeader:inviteUsers").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));

            // the picker is a list shown open, with this subscription's keys only, and none chosen for the administrator
            Select picker = new Select(browser.find("inviteForm:key"));
            assertTrue(Integer.parseInt(browser.find("inviteForm:key").getAttribute("size")) >= 2, "shown open");
            List<String> offered = picker.getOptions().stream().map(WebElement::getText).toList();
            assertEquals(2, offered.size(), offered.toString());
            assertTrue(offered.get(0).contains("Desktop 6 seats") && offered.get(0).contains("available licenses 4 of 4, 0 invited"),
                    offered.toString());
            assertTrue(offered.get(1).contains("Lab") && offered.get(1).contains("available licenses 2 of 2, 0 invited"),
                    offered.toString());
            assertTrue(offered.stream().noneMatch(o -> o.contains("Other subscription")), offered.toString());
            assertTrue(picker.getAllSelectedOptions().isEmpty(), "the administrator chooses");
            browser.screenshot("invite-from-subscription-header-01-keys");

            // sending before choosing says so and invites nobody
            Chips.type(browser, "inviteForm:emails", invitee);
            scrollTo(browser, "inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "Choose a license key first."));
            assertEquals(1, Chips.tokens(browser, "inviteForm:emails").size(), "the address is kept");

            new Select(browser.find("inviteForm:key")).selectByIndex(1);
            scrollTo(browser, "inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "1 invitations have been sent"));
            assertTrue(new Select(browser.find("inviteForm:key")).getFirstSelectedOption().getText()
                    .contains("available licenses 2 of 2, 1 invited"));
            browser.screenshot("invite-from-subscription-header-02-sent");
        }
        Mailbox.awaitTo(invitee, "activation code");
        Http.Answer listed = Http.get("/api/v1/admin/keys/" + lab.getString("id") + "/invitations", "Authorization", admin.bearer());
        assertEquals(List.of(invitee), listed.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("email")).toList());
        Http.Answer primary = Http.get("/api/v1/admin/keys/" + admin.primaryKeyId() + "/invitations", "Authorization", admin.bearer());
        assertEquals(0, primary.json().getJsonArray("items").size(), "nothing for the key not chosen");
    }

    @Test
    void anAdministratorInvitesSeveralColleaguesAsChipsAndInvalidOnesStayMarked_A5() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("chips", "EN", 2);
        String anna = Users.uniqueEmail("anna");
        String ben = Users.uniqueEmail("ben");

        try (Browser browser = new Browser()) {
            browser.signIn(admin.email(), Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/business.xhtml");
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#tabs:usersTab']"))).click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("tabs:users:invite"))).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:emails:chips_input")));

            // one chip an address; an address that is not one, and one listed twice, stay on the list marked
            Chips.type(browser, "inviteForm:emails", anna, "ben@", ben, anna.toUpperCase());
            browser.waitFor().until(d -> Chips.invalid(browser, "inviteForm:emails").equals(List.of("ben@", anna.toUpperCase())));
            String feedback = browser.text(By.cssSelector("[id='inviteForm:emails:feedback']"));
            assertTrue(feedback.contains("2 entries are not a valid address") && feedback.contains("ben@ \u2014 not an email address")
                    && feedback.contains(anna.toUpperCase() + " \u2014 already on the list"), feedback);
            assertEquals(4, Chips.tokens(browser, "inviteForm:emails").size());
            browser.waitFor().until(d -> browser.find("inviteForm:send").getAttribute("textContent").contains("(4)"));
            browser.screenshot("member-invitations-01-chips-marked");

            // the service invites all or none: refused with the reason, and the list is kept to correct
            browser.find("inviteForm:send").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "'ben@' is not a valid email address"));
            assertEquals(4, Chips.tokens(browser, "inviteForm:emails").size(), "nothing dropped");
            assertEquals(0, invitations(admin).size());

            Chips.remove(browser, "inviteForm:emails", "ben@");
            Chips.remove(browser, "inviteForm:emails", anna.toUpperCase());
            browser.waitFor().until(d -> Chips.invalid(browser, "inviteForm:emails").isEmpty());
            browser.waitFor().until(d -> browser.find("inviteForm:send").getAttribute("textContent").contains("(2)"));
            browser.find("inviteForm:send").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:invitations:invitationTable"), ben));
            assertTrue(browser.text(By.id("tabs:invitations:invitationTable")).contains(anna));
            browser.screenshot("member-invitations-02-sent");
        }
        Mailbox.awaitTo(anna, "You are invited to join " + admin.company());
        Mailbox.awaitTo(ben, "You are invited to join " + admin.company());
        assertEquals(2, invitations(admin).size());
    }

    private static List<JsonObject> invitations(BusinessAdmins.Admin admin) {
        Http.Answer answer = Http.get("/api/v1/admin/members/invitations", "Authorization", admin.bearer());
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static WebElement scrollTo(Browser browser, String id) {
        WebElement element = browser.find(id);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);", element);
        return element;
    }
}
