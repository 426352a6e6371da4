package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The support workflow of issue 16 in headless Chromium (SPEC T1, T2, T4): search the knowledge base,
 * request support (a ticket and its number), add another administrator as a watcher on My Tickets, an
 * agent replies (owner and watcher get email, each in their language), the agent resolves, the owner
 * reopens, the agent resolves again, the owner rates it and closes it; screenshots on the way.
 */
@KeyholdIntegrationTest
class TicketsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void searchRequestWatchAnswerReopenSurveyClose_T1_T2_T4() {
        String product = DownloadsIT.product();
        String category = SupportBrowserIT.category(product, "Licensing", 1);
        SupportBrowserIT.article(category, "Licenses missing after renewal", "After a renewal the licenses show again at the "
                + "next check-in.", true);
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        String ownerEmail = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        Members.Member watcher = Members.join(account);
        Members.setRole(account, watcher, "ACCOUNT_ADMINISTRATOR");

        try (Browser browser = new Browser()) {
            browser.signIn(ownerEmail, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/support.xhtml?product=" + product);
            browser.type("support:query", "renewal");
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#support\\:hits mark")));
            browser.find("support:description").sendKeys("Licenses missing after renewal in the Paris office");
            browser.waitFor().until(d -> browser.find("support:requestSupport").isEnabled());
            browser.find("support:requestSupport").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("support:ticketCreated")));
            JsonObject ticket = Http.get("/api/v1/admin/tickets", "Authorization", account.bearer()).json()
                    .getJsonArray("items").getJsonObject(0);
            String id = ticket.getString("id");
            long number = ticket.getJsonNumber("number").longValue();

            browser.clickAndWaitForPage("support:myTickets");
            browser.waitFor().until(d -> browser.path().equals("/app/tickets.xhtml"));
            browser.find("tickets:table:0:open").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:ticketCard")));
            browser.find("ticket:tabs").findElement(By.linkText("Ticket Watchers")).click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("ticket:tabs:addWatcher"))).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:tabs"), watcher.email()));
            browser.screenshot("tickets-01-watcher-added");

            Http.postJson("/api/v1/operator/tickets/" + id + "/messages", "{\"body\":\"Please check the renewal date.\","
                    + "\"internal\":false}", "Authorization", Subscriptions.operator());
            assertTrue(Mailbox.awaitTo(ownerEmail, "#" + number).body().contains("a new reply"));
            assertTrue(Mailbox.awaitTo(watcher.email(), "#" + number).body().contains("a new reply"));

            setStatus(id, "RESOLVED");
            browser.open("/app/tickets.xhtml");
            browser.find("tickets:table:0:open").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:ticketCard"),
                    "Please check the renewal date."));
            browser.find("ticket:tabs:reopen").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticketStatusNow"), "Open"));
            setStatus(id, "RESOLVED");
            browser.open("/app/tickets.xhtml");
            browser.find("tickets:table:0:open").click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("ticket:tabs:sendSurvey"))).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:tabs:rated")));
            browser.screenshot("tickets-02-rated");
            browser.find("ticket:tabs:close").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticketStatusNow"), "Closed"));
            browser.screenshot("tickets-03-closed");
            browser.assertAccessible("My Tickets");
        }
        JsonObject done = Http.get("/api/v1/admin/tickets/" + ticketIdOf(account), "Authorization", account.bearer()).json();
        assertEquals("CLOSED", done.getString("status"));
        assertEquals(5, done.getInt("surveyRating"));
    }

    private static String ticketIdOf(Accounts.Business account) {
        return Http.get("/api/v1/admin/tickets", "Authorization", account.bearer()).json().getJsonArray("items")
                .getJsonObject(0).getString("id");
    }

    private static void setStatus(String id, String status) {
        Http.Answer answer = Http.call("PUT", "/api/v1/operator/tickets/" + id + "/status", "{\"status\":\"" + status + "\"}",
                "Authorization", Subscriptions.operator());
        assertEquals(200, answer.status(), answer.body());
    }
}
