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

        String requested;
        try (Browser browser = new Browser()) {
            browser.signIn(ownerEmail, Users.PASSWORD);
            browser.chooseAccount("Business account");
            // T3, T4: the product card leads to the product's Downloads & Documentation and to its Support page
            assertTrue(browser.driver().findElement(By.cssSelector("#products a.kh-download")).getAttribute("href")
                    .endsWith("/downloads/DESKTOP"));
            assertTrue(browser.driver().findElement(By.cssSelector("#products a.kh-support")).getAttribute("href")
                    .contains("/app/support.xhtml?product=DESKTOP"));
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
            attachOnThePage(browser, id);

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
            newTicket(browser);
            requested = id;
        }
        assertEquals(2, Http.get("/api/v1/admin/tickets", "Authorization", account.bearer()).json().getJsonArray("items").size());
        JsonObject made = Http.get("/api/v1/admin/tickets/" + ticketIdOf(account), "Authorization", account.bearer()).json();
        assertEquals("Proxy settings are ignored", made.getString("subject"));
        assertEquals("DESKTOP", made.getString("product"));
        JsonObject done = Http.get("/api/v1/admin/tickets/" + requested, "Authorization", account.bearer()).json();
        assertEquals("CLOSED", done.getString("status"));
        assertEquals(5, done.getInt("surveyRating"));
    }

    /**
     * T1 attachments on My Tickets: a file over 10 MB is refused before a byte is sent, an executable
     * renamed .png is refused on its content, a text file is attached and fetched from its link as an
     * attachment (nosniff, never rendered), and a post from another site is refused: one row stored.
     */
    private static void attachOnThePage(Browser browser, String ticketId) {
        java.nio.file.Path folder = createTempFolder();
        java.nio.file.Path big = folder.resolve("capture.zip");
        java.nio.file.Path renamed = folder.resolve("screenshot.png");
        java.nio.file.Path log = folder.resolve("keyhold-client.log");
        try {
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
                file.setLength(11L * 1024 * 1024); // sparse: 11 MB to the browser, nothing on the disk
            }
            byte[] executable = new byte[4096];
            executable[0] = 'M';
            executable[1] = 'Z';
            java.nio.file.Files.write(renamed, executable);
            java.nio.file.Files.writeString(log, "2026-12-04 09:12 activation failed: certificate expired\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        browser.find("attachFile").sendKeys(big.toString());
        browser.find("attachSend").click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachRefused"), "up to 10 MB"));

        browser.find("attachFile").sendKeys(renamed.toString());
        org.openqa.selenium.WebElement before = browser.find("attachForm");
        browser.find("attachSend").click();
        browser.waitFor().until(ExpectedConditions.stalenessOf(before));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "decided on its content"));

        browser.find("attachFile").sendKeys(log.toString());
        before = browser.find("attachForm");
        browser.find("attachSend").click();
        browser.waitFor().until(ExpectedConditions.stalenessOf(before));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Attached: keyhold-client.log"));
        browser.screenshot("tickets-01b-attached");
        String href = browser.driver().findElement(By.cssSelector("a.kh-attachment")).getAttribute("href");
        @SuppressWarnings("unchecked")
        java.util.List<Object> fetched = (java.util.List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeAsyncScript("var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) {"
                        + " return r.text().then(function (t) { done([r.status, r.headers.get('content-disposition'),"
                        + " r.headers.get('x-content-type-options'), t]); }); });", href);
        assertEquals(200L, fetched.get(0));
        assertTrue(String.valueOf(fetched.get(1)).startsWith("attachment; filename*=UTF-8''keyhold-client.log"), fetched.toString());
        assertEquals("nosniff", fetched.get(2));
        assertTrue(String.valueOf(fetched.get(3)).contains("certificate expired"));

        Http.Answer crossSite = com.keyhold.it.support.MultipartPost.send("/app/tickets/attachments/" + ticketId, java.util.Map.of(),
                "file", "notes.txt", "text/plain", () -> new java.io.ByteArrayInputStream("hello".getBytes()), 5,
                "Cookie", com.keyhold.it.support.MultipartPost.cookies(browser), "Origin", "https://attacker.example").answer();
        assertEquals(403, crossSite.status(), "a post from another site is refused");
        assertEquals(1, com.keyhold.it.support.Rows.count("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", ticketId),
                "only the text file is stored");
    }

    private static java.nio.file.Path createTempFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("keyhold-attachments");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** T1 New Ticket: product, category, subject and description are required; nothing is created until they are. */
    private static void newTicket(Browser browser) {
        browser.find("tickets:newTicket").click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("newTicketForm:subject")));
        browser.find("newTicketForm:create").click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#newTicketForm\\:subject.ui-state-error")));
        assertTrue(browser.find("newTicketDialog").isDisplayed(), "the dialog stays open with the missing fields marked");
        browser.type("newTicketForm:subject", "Proxy settings are ignored");
        browser.type("newTicketForm:description", "Clients behind our proxy cannot check in since the update.");
        browser.find("newTicketForm:create").click();
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "was created"));
        browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:ticketCard"),
                "Proxy settings are ignored"));
        browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("newTicketDialog")));
        browser.screenshot("tickets-04-new-ticket");
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
