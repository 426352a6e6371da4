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
import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.junit.jupiter.api.Test;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Support page (SPEC T4, seed "Get Support") in headless Chromium and through the API: categories
 * with popular topics, the knowledge base searched with FULLTEXT (best match first, the matching words
 * highlighted, an article's markup escaped), and Request Support, offered once a description is typed,
 * which opens a ticket and shows its number.
 */
@KeyholdIntegrationTest
class SupportBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void searchTheKnowledgeBaseThenRequestSupportAndSeeTheTicketNumber_T4() {
        String product = DownloadsIT.product();
        String licensing = category(product, "Licensing", 1);
        category(product, "Installation", 2);
        article(licensing, "Activation fails behind a proxy", "When the firewall blocks the activation server, the activation "
                + "fails. Allow the activation address in the proxy.", true);
        article(licensing, "Moving a license to another Mac", "Deactivate the license on the old Mac first. Proxy settings "
                + "are not involved.", true);
        article(licensing, "Script in an article", "<script>alert('kb')</script> the activation console", false);

        Accounts.Business account = Accounts.withDesktopSubscription(1);
        // the API: best match first, words marked, markup of an article escaped
        List<JsonObject> hits = Http.get("/api/v1/admin/support/" + product + "/articles?q=activation%20proxy",
                "Authorization", account.bearer()).json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals("Activation fails behind a proxy", hits.get(0).getString("title"), hits.toString());
        assertTrue(hits.get(0).getString("snippetHtml").contains("<mark>activation</mark>"), hits.toString());
        assertTrue(hits.stream().anyMatch(h -> h.getString("snippetHtml").contains("&lt;script&gt;")), hits.toString());
        assertFalse(hits.stream().anyMatch(h -> h.getString("snippetHtml").contains("<script>")));
        assertEquals(0, Http.get("/api/v1/admin/support/" + product + "/articles?q=", "Authorization", account.bearer()).json()
                .getJsonArray("items").size());
        assertEquals(400, Http.get("/api/v1/admin/support/" + product + "/articles?q=" + "x".repeat(201), "Authorization",
                account.bearer()).status());

        String email = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/support.xhtml?product=" + product);
            assertTrue(browser.text(By.tagName("main")).contains("Moving a license to another Mac"), "popular topics listed");
            browser.type("support:query", "activation proxy");
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#support\\:hits mark")));
            assertEquals("Activation fails behind a proxy", browser.driver().findElements(By.cssSelector(".kh-hit a")).get(0)
                    .getText());
            browser.screenshot("support-01-search");
            browser.assertAccessible("the support page");

            assertFalse(browser.find("support:requestSupport").isEnabled(), "Request Support needs a description first");
            browser.find("support:description").sendKeys("Activation fails for all Macs in the Berlin office");
            browser.waitFor().until(d -> browser.find("support:requestSupport").isEnabled());
            browser.find("support:requestSupport").click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("support:ticketCreated")));
            String text = browser.find("support:ticketCreated").getText();
            browser.screenshot("support-02-ticket-number");
            JsonObject ticket = Http.get("/api/v1/admin/tickets", "Authorization", account.bearer()).json()
                    .getJsonArray("items").getJsonObject(0);
            assertTrue(text.contains("#" + ticket.getJsonNumber("number").longValue()), text);
            assertTrue(ticket.getString("subject").endsWith(": Activation fails for all Macs in the Berlin office"),
                    ticket.getString("subject"));
        }
    }

    static String category(String product, String name, int position) {
        Http.Answer created = Http.postJson("/api/v1/operator/kb/categories", "{\"product\":\"" + product + "\",\"name\":\"" + name
                + "\",\"position\":" + position + "}", "Authorization", Subscriptions.operator());
        assertEquals(201, created.status(), created.body());
        return created.json().getString("id");
    }

    static void article(String categoryId, String title, String body, boolean popular) {
        Http.Answer created = Http.postJson("/api/v1/operator/kb/articles", jakarta.json.Json.createObjectBuilder()
                .add("categoryId", categoryId).add("title", title).add("body", body).add("popular", popular).build().toString(),
                "Authorization", Subscriptions.operator());
        assertEquals(201, created.status(), created.body());
    }
}
