package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Chips;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Business accounts in the browser (SPEC A4–A8, A10): an administrator invites a user on the Business
 * Profile page, the user joins through the emailed link in a second browser, is made license
 * administrator of one key and then sees only that key's computers.
 */
@KeyholdIntegrationTest
class MembershipBrowserIT {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anInvitedUserJoinsAndAsLicenseAdministratorOfOneKeySeesOnlyItsComputers_A4_A5_A6() {
        String adminEmail = Users.uniqueEmail("admin");
        Users.signUp(adminEmail);
        String token = Users.tokenFor(adminEmail);
        Subscriptions.Issued subscription = Subscriptions.desktop(6);
        String company = "Acme " + adminEmail.substring(6, 14);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"" + company + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        Http.Answer created = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                "{\"name\":\"Lab\",\"type\":\"RESERVED\",\"quota\":2}", "Authorization", Http.bearer(token));
        assertEquals(201, created.status(), created.body());
        JsonObject lab = created.json();
        List<String> primaryComputers = List.of(activate(subscription.primaryKey()), activate(subscription.primaryKey()));
        Set<String> labComputers = Set.of(activate(lab.getString("key")), activate(lab.getString("key")));
        String memberEmail = Users.uniqueEmail("member");

        try (Browser admin = new Browser(); Browser member = new Browser()) {
            // A4: the administrator's Business Profile, General tab.
            admin.signIn(adminEmail, Users.PASSWORD);
            admin.chooseAccount("Business account");
            admin.find("menu").findElement(By.xpath(".//a[contains(., 'Business Profile')]")).click();
            admin.waitFor().until(d -> admin.path().equals("/app/business.xhtml"));
            assertEquals(company, admin.text(By.id("companyName")));
            assertEquals("Account Administrator", admin.text(By.id("myRole")));
            assertTrue(admin.text(By.id("tabs:adminList")).contains(adminEmail), "the administrators list");
            admin.screenshot("membership-01-general");

            // A5: Invite Users on the Users tab.
            openUsersTab(admin);
            admin.find("tabs:users:invite").click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:emails:chips_input")));
            Chips.type(admin, "inviteForm:emails", memberEmail);
            admin.screenshot("membership-02-invite");
            admin.find("inviteForm:send").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:invitations:invitationTable"), memberEmail));
            assertTrue(admin.text(By.id("tabs:invitations:invitationTable")).contains("Pending"));

            Mailbox.Email invitation = Mailbox.awaitTo(memberEmail, "You are invited to join " + company);
            String joinPath = "/join.xhtml?token=" + URLEncoder.encode(invitation.token("/join.xhtml"), StandardCharsets.UTF_8);
            // SPEC "Emails": the list shows that the invitation email went out.
            admin.open("/app/business.xhtml");
            openUsersTab(admin);
            assertTrue(admin.text(By.id("tabs:invitations:invitationTable")).contains("Sent"),
                    admin.text(By.id("tabs:invitations:invitationTable")));

            // A5: a new user joins in their own browser with a name and a password.
            member.open(joinPath);
            assertTrue(member.text(By.id("invitedTo")).contains(company), member.text(By.id("invitedTo")));
            member.type("join:firstName", "Lena").type("join:lastName", "Keyholder")
                    .type("join:newPassword", Users.PASSWORD).type("join:passwordRepeated", Users.PASSWORD);
            member.find("join:termsAccepted").click();
            member.screenshot("membership-03-join");
            member.clickAndWaitForPage("join:submit");
            assertEquals("/app/dashboard.xhtml", member.path(), "the joiner is signed in");
            assertTrue(member.text(By.cssSelector(".ui-messages-info")).contains("You have joined " + company));
            member.chooseAccount("Business account");
            assertTrue(member.text(By.id("header:account_label")).contains(company));
            // A6: a Regular Member manages nothing.
            assertFalse(menuHas(member, "menuComputers"), "no Computers for a regular member");
            assertFalse(menuHas(member, "menuSubscriptions"));
            member.open("/app/business.xhtml");
            assertEquals("Regular Member", member.text(By.id("myRole")));
            assertTrue(member.driver().findElements(By.id("tabs:users")).isEmpty(), "no Users tab for members");
            member.open("/app/computers.xhtml");
            assertTrue(member.driver().findElements(By.cssSelector("[id='computers:table_data'] > tr[data-rk]")).isEmpty(),
                    "a regular member sees no computers");

            // A6: the administrator makes them License Administrator of the Lab key only.
            admin.open("/app/business.xhtml");
            openUsersTab(admin);
            By memberLink = By.xpath("//*[@id='tabs:users:memberTable']//a[contains(., 'Lena Keyholder')]");
            admin.waitFor().until(ExpectedConditions.elementToBeClickable(memberLink)).click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("memberForm:role")));
            assertEquals("Lena Keyholder", admin.text(By.id("memberName")));
            admin.choose("memberForm:role", "License Administrator");
            By labBox = By.xpath("//*[@id='memberForm:keys']//label[normalize-space()='Lab']/preceding-sibling::div//div[contains(@class,'ui-chkbox-box')]");
            admin.waitFor().until(ExpectedConditions.elementToBeClickable(labBox)).click();
            admin.type("memberForm:notes", "Runs the lab");
            admin.screenshot("membership-04-promote");
            admin.find("memberForm:save").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("memberForm:memberMessages"),
                    "The membership has been saved."));
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:users:memberTable"),
                    "License Administrator (Lab)"));
            admin.screenshot("membership-05-promoted");

            // The key dialog's License Administrators tab shows them; removing and adding again goes through it too.
            admin.open("/app/subscription.xhtml?id=" + subscription.id());
            admin.waitFor().until(ExpectedConditions.elementToBeClickable(By.xpath("//*[@id='keys:keyTable_data']/tr"
                    + "[.//div[contains(@class,'kh-key-name') and normalize-space()='Lab']]//button[contains(@id,':edit')]"))).click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keyTabAdmins"))).click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("keyAdminsForm:keyAdminTable")));
            assertTrue(admin.text(By.id("keyAdminsForm:keyAdminTable")).contains("Lena Keyholder"));
            admin.screenshot("membership-06-key-admins");
            admin.find("keyAdminsForm:keyAdminTable").findElement(By.xpath(".//button[contains(@id, 'removeAdmin')]")).click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keyAdminsForm:keyAdminTable"),
                    "Nobody administers this key yet."));
            admin.choose("keyAdminsForm:candidate", "Lena Keyholder");
            admin.find("keyAdminsForm:addAdmin").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keyAdminsForm:keyAdminTable"),
                    "Lena Keyholder"));
            // A6: the tab's Invite makes the invitee a license administrator of this key when they join.
            String labHead = Users.uniqueEmail("labhead");
            Chips.type(admin, "keyAdminsForm:inviteEmails", labHead);
            admin.find("keyAdminsForm:inviteAdmins").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keyAdminsForm:keyAdminMessages"),
                    "Invitations sent: 1."));
            Mailbox.awaitTo(labHead, "You are invited to join " + company);
            admin.open("/app/business.xhtml");
            openUsersTab(admin);
            String labHeadRow = admin.find("tabs:invitations:invitationTable").findElement(By.xpath(".//tr[contains(., '" + labHead + "')]"))
                    .getText();
            assertTrue(labHeadRow.replace('\n', ' ').contains("License Administrator (Lab)"), labHeadRow);

            // A6: the role applies on the member's next request; they see the Lab key's computers only.
            member.open("/app/dashboard.xhtml");
            assertTrue(menuHas(member, "menuComputers"), "a license administrator manages computers");
            assertFalse(menuHas(member, "menuSubscriptions"), "but not subscriptions");
            member.open("/app/computers.xhtml");
            member.waitForRows("computers:table", 2);
            Set<String> shown = member.driver().findElements(By.cssSelector("[id='computers:table_data'] > tr[data-rk]"))
                    .stream().map(row -> row.getAttribute("data-rk")).collect(Collectors.toSet());
            assertEquals(labComputers, shown, "only the Lab key's computers");
            assertTrue(primaryComputers.stream().noneMatch(shown::contains));
            member.screenshot("membership-07-license-admin-computers");
            member.open("/app/business.xhtml");
            assertEquals("License Administrator", member.text(By.id("myRole")));
            assertTrue(member.driver().findElements(By.id("tabs:users")).isEmpty(), "no Users tab for license administrators");

            // A8: anyone but the last administrator may leave.
            member.find("tabs:membershipActions:leave").click();
            confirm(member);
            member.waitFor().until(d -> member.path().equals("/app/dashboard.xhtml"));
            assertTrue(member.text(By.cssSelector(".ui-messages-info")).contains("You have left the business account."));
            assertFalse(member.text(By.id("header:account_label")).contains(company));
        }
    }

    @Test
    void administratorsEditTheCompanyAndInviteRevokeBlockAndDeleteMembers_A4_A5_A7_A8() {
        String adminEmail = Users.uniqueEmail("admin");
        Users.signUp(adminEmail);
        String token = Users.tokenFor(adminEmail);
        Subscriptions.Issued subscription = Subscriptions.desktop(2);
        String company = "Bolt " + adminEmail.substring(6, 14);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"" + company + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        String memberEmail = Users.uniqueEmail("existing");
        Users.signUp(memberEmail);
        String withdrawnEmail = Users.uniqueEmail("withdrawn");

        try (Browser admin = new Browser(); Browser member = new Browser()) {
            admin.signIn(adminEmail, Users.PASSWORD);
            admin.chooseAccount("Business account");
            admin.open("/app/business.xhtml");

            // A4: the company box is edited in its dialog.
            admin.find("tabs:companyActions:edit").click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("companyForm:city")));
            admin.type("companyForm:city", "Berlin").type("companyForm:street", "Unter den Linden 1");
            admin.find("companyForm:save").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:companyBox"), "Berlin"));
            assertTrue(admin.text(By.id("tabs:companyBox")).contains("Unter den Linden 1"));

            // A8: the only administrator cannot leave.
            admin.find("tabs:membershipActions:leave").click();
            confirm(admin);
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-error"),
                    "last active account administrator"));

            // A5: two invitations at once; one is withdrawn.
            openUsersTab(admin);
            admin.find("tabs:users:invite").click();
            admin.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:emails:chips_input")));
            Chips.type(admin, "inviteForm:emails", memberEmail, withdrawnEmail);
            admin.find("inviteForm:send").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("tabs:invitations:invitationTable"), withdrawnEmail));
            assertTrue(admin.text(By.id("tabs:invitations:invitationTable")).contains(memberEmail));
            admin.find("tabs:invitations:invitationTable").findElement(By.xpath(
                    ".//tr[contains(., '" + withdrawnEmail + "')]//button[contains(@id, 'revoke')]")).click();
            admin.waitFor().until(d -> admin.find("tabs:invitations:invitationTable").findElement(By.xpath(
                    ".//tr[contains(., '" + withdrawnEmail + "')]")).getText().contains("Revoked"));

            member.open(joinPath(withdrawnEmail, company));
            assertTrue(member.text(By.cssSelector(".ui-messages-error")).contains("expired or was withdrawn"));
            assertTrue(member.driver().findElements(By.id("join:submit")).isEmpty());

            // A5: an existing user joins with their password; the link then is used up.
            String joinPath = joinPath(memberEmail, company);
            member.open(joinPath);
            assertTrue(member.driver().findElements(By.id("join:firstName")).isEmpty(), "no name for an existing user");
            member.type("join:password", Users.PASSWORD);
            member.clickAndWaitForPage("join:submit");
            assertEquals("/app/dashboard.xhtml", member.path());
            assertTrue(member.text(By.id("header:account_label")).contains(company), "the joined account is selected");
            member.open(joinPath);
            assertTrue(member.text(By.cssSelector(".ui-messages-error")).contains("already been accepted"));

            // A7: search and filters of the Users list.
            admin.open("/app/business.xhtml");
            openUsersTab(admin);
            admin.waitFor().until(d -> memberRows(admin).size() == 2);
            assertEquals("Users (2)", admin.text(By.cssSelector("a[href='#tabs:usersTab']")));
            admin.type("tabs:users:search", memberEmail.substring(0, 17));
            admin.waitFor().until(d -> memberRows(admin).size() == 1 && memberRows(admin).get(0).contains(memberEmail));
            admin.find("tabs:users:search").clear();
            admin.find("tabs:users:search").sendKeys(" ");
            admin.waitFor().until(d -> memberRows(admin).size() == 2);
            admin.choose("tabs:users:roleFilter", "Account Administrator");
            admin.waitFor().until(d -> memberRows(admin).size() == 1 && memberRows(admin).get(0).contains(adminEmail));
            admin.choose("tabs:users:roleFilter", "All roles");
            admin.waitFor().until(d -> memberRows(admin).size() == 2);

            // A7: block, which takes the account away from the member at once, and unblock; each is emailed.
            openMember(admin, memberEmail);
            admin.find("memberForm:block").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("memberStatus"), "Blocked"));
            Mailbox.awaitTo(memberEmail, "Your access to " + company + " on Keyhold has been blocked");
            member.open("/app/dashboard.xhtml");
            assertFalse(member.text(By.id("header:account_label")).contains(company), "a blocked member loses the account");
            admin.find("memberForm:unblock").click();
            admin.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("memberStatus"), "Active"));
            Mailbox.awaitTo(memberEmail, "has been restored");

            // A7: Delete, after a confirmation; the member is told.
            admin.find("memberForm:delete").click();
            confirm(admin);
            admin.waitFor().until(d -> memberRows(admin).size() == 1);
            assertFalse(memberRows(admin).get(0).contains(memberEmail));
            Mailbox.awaitTo(memberEmail, "You have been removed from " + company);
            admin.screenshot("membership-09-after-delete");
        }
    }

    /** Answers Yes in the confirmation dialog and waits until it has gone. */
    private static void confirm(Browser browser) {
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("confirm:yes"))).click();
        // The answer may navigate away (leaving the account): Chromium may then report the dialog's node as
        // no longer in the document while it is being looked up. That, too, means it is gone: ask again.
        browser.waitFor().ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm:confirmDialog")));
        browser.waitFor().ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            browser.waitForAjax();
            return true;
        });
    }

    private static String joinPath(String email, String company) {
        return "/join.xhtml?token=" + URLEncoder.encode(Mailbox.awaitTo(email, "You are invited to join " + company)
                .token("/join.xhtml"), StandardCharsets.UTF_8);
    }

    private static List<String> memberRows(Browser browser) {
        browser.waitForAjax();
        return browser.driver().findElements(By.cssSelector("[id='tabs:users:memberTable_data'] > tr:not(.ui-datatable-empty-message)"))
                .stream().map(WebElement::getText).toList();
    }

    private static void openMember(Browser browser, String email) {
        browser.find("tabs:users:memberTable").findElement(By.xpath(".//tr[contains(., '" + email + "')]//a[contains(@class, 'kh-member-name')]"))
                .click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("memberForm:role")));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("memberForm"), email));
    }

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLink_A10() {
        String email = Users.uniqueEmail("forgot");
        Users.signUp(email);
        try (Browser browser = new Browser()) {
            browser.open("/login.xhtml");
            browser.clickAndWaitForPage("forgotPasswordLink");
            assertEquals("/forgot-password.xhtml", browser.path());
            browser.type("forgot:email", email);
            browser.clickAndWaitForPage("forgot:submit");
            String sent = browser.text(By.cssSelector(".ui-messages-info"));
            assertTrue(sent.contains("If a Keyhold user has this email address"), sent);

            // the same answer for an email nobody has
            browser.type("forgot:email", Users.uniqueEmail("nobody"));
            browser.clickAndWaitForPage("forgot:submit");
            assertEquals(sent, browser.text(By.cssSelector(".ui-messages-info")));

            String resetPath = "/reset-password.xhtml?token="
                    + URLEncoder.encode(Mailbox.awaitTo(email, "Reset your Keyhold password").token("/reset-password.xhtml"),
                            StandardCharsets.UTF_8);
            browser.open(resetPath);
            browser.type("reset:password", NEW_PASSWORD).type("reset:passwordRepeated", NEW_PASSWORD);
            browser.screenshot("membership-08-reset");
            browser.clickAndWaitForPage("reset:submit");
            assertEquals("/login.xhtml", browser.path());
            assertTrue(browser.text(By.cssSelector(".ui-messages-info")).contains("Your password has been changed"));
            browser.signIn(email, NEW_PASSWORD);

            // the link is single-use
            browser.open(resetPath);
            assertTrue(browser.text(By.cssSelector(".ui-messages-error")).contains("already been used"));
            assertTrue(browser.driver().findElements(By.id("reset:password")).isEmpty());
        }
        assertEquals(401, Http.postJson("/api/v1/auth/tokens", "{}", "Authorization", Http.basic(email, Users.PASSWORD)).status(),
                "the old password no longer signs in");
    }

    private static String activate(String key) {
        Http.Answer activated = Clients.activate(key, Clients.newHardwareId());
        assertEquals(201, activated.status(), activated.body());
        return activated.json().getString("activationId");
    }

    private static void openUsersTab(Browser browser) {
        browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='#tabs:usersTab']"))).click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("tabs:users:memberTable")));
    }

    private static boolean menuHas(Browser browser, String itemId) {
        return !browser.find("menu").findElements(By.cssSelector("[id$='" + itemId + "']")).isEmpty();
    }

}
