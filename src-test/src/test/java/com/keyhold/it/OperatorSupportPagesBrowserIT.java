package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operators' side of issue 16 in headless Chromium, signed in as a support agent: the Support
 * Desk (SPEC T1 agents: filter by account, the customer's attachment, an internal note the customer
 * never sees, an answer emailed to the owner, the status), the knowledge-base and category editor
 * (SPEC T4: what it writes is what the Support page finds) and the Downloads editor (SPEC T3: a file
 * uploaded on the page is served on the public page; a renamed executable and a file over 20 MB are
 * refused and change nothing). A regular user gets none of these pages.
 */
@KeyholdIntegrationTest
class OperatorSupportPagesBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void supportDeskNotesAnswersAndResolves_T1_T2() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member owner = Members.join(account);
        Http.Answer created = Http.postJson("/api/v1/admin/tickets", "{\"product\":\"DESKTOP\",\"category\":\"Installation\","
                + "\"subject\":\"Installer stops at 80 percent\",\"description\":\"The log is attached.\"}", owner.headers());
        assertEquals(201, created.status(), created.body());
        String id = created.json().getString("id");
        long number = created.json().getJsonNumber("number").longValue();
        Http.Answer attached = Http.send(Http.request("/api/v1/admin/tickets/" + id + "/attachments?fileName=install.log")
                .header("Content-Type", "application/octet-stream").headers(owner.headers())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("step 8 of 10: disk full\n")).build());
        assertEquals(201, attached.status(), attached.body());
        String accountName = Rows.text("SELECT name FROM accounts WHERE id = ?", account.accountId());

        try (Browser browser = new Browser()) {
            browser.signIn(Users.operator("agent"), Users.PASSWORD);
            browser.open("/app/operator/support-desk.xhtml");
            browser.choose("desk:account", accountName);
            By rows = By.cssSelector("[id='desk:table_data'] > tr[data-ri]");
            browser.waitFor().until(d -> {
                browser.waitForAjax();
                return d.findElements(rows).size() == 1; // the account's one ticket, of all the open ones
            });
            browser.find("desk:table").findElement(By.linkText("Installer stops at 80 percent")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket:ticketCard")));
            assertEquals(List.of(200L, "nosniff", "step 8 of 10: disk full\n"), fetch(browser,
                    browser.driver().findElement(By.cssSelector("#ticket a.kh-attachment")).getAttribute("href")));

            browser.type("ticket:answer", "Customer has a full disk; ask for the free space.");
            browser.find("ticket:addNote").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket:ticketCard"), "Internal note"));
            browser.type("ticket:answer", "Please free 2 GB on the system disk and run the installer again.");
            browser.find("ticket:sendAnswer").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("deskTicketStatus"), "Awaiting reply"));
            browser.choose("ticket:newStatus", "Resolved");
            browser.find("ticket:changeStatus").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("deskTicketStatus"), "Resolved"));
            browser.screenshot("operator-01-support-desk");
            browser.assertAccessible("Support Desk");
        }
        JsonObject seen = Http.get("/api/v1/admin/tickets/" + id, owner.headers()).json();
        assertEquals("RESOLVED", seen.getString("status"));
        String conversation = seen.getJsonArray("messages").toString();
        assertTrue(conversation.contains("free 2 GB"), "the customer reads the answer");
        assertFalse(conversation.contains("full disk; ask"), "the customer never sees the internal note");
        Mailbox.Email answered = Mailbox.awaitTo(owner.email(), "#" + number);
        assertTrue(answered.body().contains("/app/tickets.xhtml?ticket=" + id), answered.body());
    }

    @Test
    void knowledgeBaseEditorWritesWhatTheSupportPageFinds_T4() {
        String product = DownloadsIT.product();
        try (Browser browser = new Browser()) {
            browser.signIn(Users.operator("editor"), Users.PASSWORD);
            browser.open("/app/operator/knowledge-base.xhtml?product=" + product);
            browser.type("kb:categoryName", "Activation");
            browser.find("kb:addCategory").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb:categories"), "Activation"));
            browser.type("kb:articleTitle", "Activation dialog after a renewal");
            browser.type("kb:articleBody", "After a renewal the client shows the activation dialog until its next check-in.");
            browser.find("kb:articlePopular").findElement(By.cssSelector(".ui-chkbox-box")).click();
            browser.find("kb:saveArticle").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb:categories"),
                    "Activation dialog after a renewal"));
            browser.find("kb:categories").findElement(By.linkText("Edit")).click();
            browser.waitFor().until(d -> browser.find("kb:articleTitle").getAttribute("value").startsWith("Activation dialog"));
            browser.type("kb:articleTitle", "Activation dialog after renewing");
            browser.find("kb:saveArticle").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("kb:categories"),
                    "Activation dialog after renewing"));
            browser.screenshot("operator-02-knowledge-base");
            browser.assertAccessible("Knowledge Base editor");
        }
        Http.Answer search = Http.get("/api/v1/operator/kb/categories?product=" + product, "Authorization",
                com.keyhold.it.support.Subscriptions.operator());
        JsonObject category = jakarta.json.Json.createReader(new java.io.StringReader(search.body())).readArray().getJsonObject(0);
        assertEquals("Activation", category.getString("name"));
        JsonObject article = category.getJsonArray("articles").getJsonObject(0);
        assertEquals("Activation dialog after renewing", article.getString("title"), "the edit is stored, not a second article");
        assertEquals(1, category.getJsonArray("articles").size());
        assertTrue(article.getBoolean("popular"));
        assertEquals(1, Rows.count("SELECT COUNT(*) FROM kb_articles a JOIN kb_categories c ON c.id = a.category_id"
                + " WHERE c.product_code = ? AND MATCH (a.title, a.body) AGAINST ('renewing')", product), "found by the full-text search");
    }

    @Test
    void downloadsEditorPublishesUploadsAndRefuses_T3() throws IOException {
        String product = DownloadsIT.product();
        Path folder = Files.createTempDirectory("keyhold-downloads");
        Path guide = folder.resolve("Admin Guide.pdf");
        Files.write(guide, "%PDF-1.7\nKeyhold admin guide\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        Path renamed = folder.resolve("setup.pdf");
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        Files.write(renamed, executable);
        Path huge = folder.resolve("installer.zip");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(21L * 1024 * 1024);
        }

        try (Browser browser = new Browser()) {
            browser.signIn(Users.operator("publisher"), Users.PASSWORD);
            browser.open("/app/operator/downloads.xhtml?product=" + product);
            browser.type("downloads:newVersion", "20.1.3");
            browser.choose("downloads:newKind", "Guides");
            browser.type("downloads:newTitle", "Administrator's guide");
            browser.find("downloads:addEntry").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("downloads:entries"), "Awaiting its file"));

            browser.find("uploadFile").sendKeys(huge.toString());
            browser.find("uploadSend").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("uploadRefused"), "up to 20 MB"));

            browser.find("uploadFile").sendKeys(renamed.toString());
            WebElement before = browser.find("uploadForm");
            browser.find("uploadSend").click();
            browser.waitFor().until(ExpectedConditions.stalenessOf(before));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "decided on its content"));
            assertTrue(browser.find("downloads:entries").getText().contains("Awaiting its file"), "the refused file changed nothing");

            browser.find("uploadFile").sendKeys(guide.toString());
            before = browser.find("uploadForm");
            browser.find("uploadSend").click();
            browser.waitFor().until(ExpectedConditions.stalenessOf(before));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Uploaded: Admin Guide.pdf"));
            assertTrue(browser.find("downloads:entries").getText().contains("Admin Guide.pdf"));
            browser.screenshot("operator-03-downloads");
            browser.assertAccessible("Downloads editor");
        }
        JsonObject entry = Http.get("/api/v1/operator/downloads?product=" + product, "Authorization",
                com.keyhold.it.support.Subscriptions.operator()).json().getJsonArray("items").getJsonObject(0);
        Http.Answer served = Http.get(entry.getString("href"));
        assertEquals(200, served.status());
        assertEquals("application/pdf", served.header("Content-Type").orElse(""));
        assertTrue(served.body().contains("Keyhold admin guide"));
        assertTrue(Http.get("/downloads/" + product).body().contains("Administrator"), "the public page lists it");
    }

    @Test
    void aRegularUserGetsNoneOfTheOperatorPagesNorAnotherAccountsAttachment() {
        Accounts.Business other = Accounts.withDesktopSubscription(1);
        Members.Member stranger = Members.join(other);
        String ticket = Http.postJson("/api/v1/admin/tickets", "{\"product\":\"DESKTOP\",\"category\":\"Licensing\","
                + "\"subject\":\"Private\",\"description\":\"Our license file\"}", stranger.headers()).json().getString("id");
        String attachment = Http.send(Http.request("/api/v1/admin/tickets/" + ticket + "/attachments?fileName=license.txt")
                .header("Content-Type", "application/octet-stream").headers(stranger.headers())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("secret\n")).build()).json().getString("id");
        String email = Users.uniqueEmail("customer");
        Users.signUp(email);
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            for (String page : List.of("support-desk", "knowledge-base", "downloads")) {
                browser.open("/app/operator/" + page + ".xhtml");
                assertTrue(browser.driver().findElements(By.id("notOperator")).size() == 1, page);
                assertTrue(browser.driver().findElements(By.id("desk:table")).isEmpty(), page);
            }
            String cookies = com.keyhold.it.support.MultipartPost.cookies(browser);
            assertEquals(403, Http.get("/app/operator/files/tickets/00000000-0000-0000-0000-000000000000/"
                    + "00000000-0000-0000-0000-000000000000", "Cookie", cookies).status(), "no agent's attachment for a customer");
            assertEquals(403, Http.get("/app/operator/files/tickets/" + ticket + "/" + attachment, "Cookie", cookies).status(),
                    "nor a real one by the agents' address");
            Http.Answer mine = Http.get("/app/tickets/attachments/" + ticket + "/" + attachment, "Cookie", cookies);
            assertEquals(404, mine.status(), "another account's attachment is not found");
            assertFalse(mine.body().contains("secret"));
        }
    }

    private static List<Object> fetch(Browser browser, String href) {
        @SuppressWarnings("unchecked")
        List<Object> answer = (List<Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(function (r) {"
                        + " return r.text().then(function (t) { done([r.status, r.headers.get('x-content-type-options'), t]); }); });",
                href);
        return answer;
    }
}
