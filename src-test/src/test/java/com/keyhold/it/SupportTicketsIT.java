package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Support tickets (SPEC T1, T2) through the admin API and the agents' operator API: who sees which
 * ticket, the statuses as the conversation moves, internal notes never shown to the customer, the
 * survey on resolved tickets, and T2's watchers and emails (owner and watchers only, each in their
 * language, never the one who made the change).
 */
@KeyholdIntegrationTest
class SupportTicketsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anyMemberOpensTicketsAndSeesTheirOwnAdministratorsSeeAll_T1() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member member = Members.join(account);
        Members.Member other = Members.join(account);
        Http.Answer missing = Http.postJson("/api/v1/admin/tickets", "{\"product\":\"DESKTOP\"}", member.headers());
        assertEquals(400, missing.status(), missing.body());
        assertEquals(3, missing.json().getJsonArray("violations").size(), "category, subject and description: " + missing.body());
        assertEquals(0, Rows.count("SELECT COUNT(*) FROM support_tickets WHERE account_id = ?", account.accountId()));

        JsonObject ticket = open(member.headers(), "VPN breaks after the update");
        assertEquals("OPEN", ticket.getString("status"));
        assertTrue(ticket.getJsonNumber("number").longValue() > 100000, "a number to quote on the phone: " + ticket);

        assertEquals(1, Http.get("/api/v1/admin/tickets", member.headers()).json().getJsonArray("items").size());
        assertEquals(0, Http.get("/api/v1/admin/tickets", other.headers()).json().getJsonArray("items").size(),
                "a regular member sees only their own");
        assertEquals(404, Http.get("/api/v1/admin/tickets/" + ticket.getString("id"), other.headers()).status());
        assertEquals(404, Http.postJson("/api/v1/admin/tickets/" + ticket.getString("id") + "/close", "{}", other.headers()).status());
        assertEquals(1, Http.get("/api/v1/admin/tickets", Members.administrator(account).headers()).json()
                .getJsonArray("items").size(), "the account's administrators see all of its tickets");
        Accounts.Business stranger = Accounts.withDesktopSubscription(1);
        assertEquals(404, Http.get("/api/v1/admin/tickets/" + ticket.getString("id"), "Authorization", stranger.bearer()).status());
        assertEquals(1, Rows.count("SELECT COUNT(*) FROM activity_log WHERE object_id = ? AND action = 'TICKET.CREATED'",
                ticket.getString("id")));
    }

    @Test
    void theStatusFollowsTheConversationAndInternalNotesStayInternal_T1() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member member = Members.join(account);
        String id = open(member.headers(), "Cannot activate").getString("id");
        String agent = Subscriptions.operator();
        assertTrue(Http.get("/api/v1/operator/tickets?status=OPEN", "Authorization", agent).body().contains(id));

        assertEquals("AWAITING_REPLY", agentSays(id, "Which version do you run?", false).getString("status"));
        assertEquals("AWAITING_REPLY", agentSays(id, "Customer sounds upset; check the logs", true).getString("status"),
                "an internal note changes nothing for the customer");
        JsonObject seen = Http.get("/api/v1/admin/tickets/" + id, member.headers()).json();
        assertEquals(2, seen.getJsonArray("messages").size(), "the description and the answer: " + seen);
        assertFalse(seen.toString().contains("upset"), "an internal note is never shown to the customer");
        assertEquals(3, Http.get("/api/v1/operator/tickets/" + id, "Authorization", agent).json().getJsonArray("messages").size());

        assertEquals("OPEN", Http.postJson("/api/v1/admin/tickets/" + id + "/messages", "{\"body\":\"20.1.2\"}", member.headers())
                .json().getString("status"));
        assertEquals(403, Http.postJson("/api/v1/admin/tickets/" + id + "/survey", "{\"rating\":5}", member.headers()).status(),
                "the survey is for resolved tickets");
        setStatus(id, "RESOLVED");
        assertEquals(400, Http.postJson("/api/v1/admin/tickets/" + id + "/survey", "{\"rating\":6}", member.headers()).status());
        JsonObject rated = Http.postJson("/api/v1/admin/tickets/" + id + "/survey", "{\"rating\":4,\"text\":\"Quick\"}",
                member.headers()).json();
        assertEquals(4, rated.getInt("surveyRating"));
        assertEquals("OPEN", Http.postJson("/api/v1/admin/tickets/" + id + "/reopen", "{}", member.headers()).json()
                .getString("status"));
        assertEquals(403, Http.postJson("/api/v1/admin/tickets/" + id + "/reopen", "{}", member.headers()).status(),
                "only a resolved ticket reopens");
        assertEquals("CLOSED", Http.postJson("/api/v1/admin/tickets/" + id + "/close", "{}", member.headers()).json()
                .getString("status"));
        assertEquals(403, Http.postJson("/api/v1/admin/tickets/" + id + "/messages", "{\"body\":\"more\"}", member.headers())
                .status(), "a closed ticket takes no reply");
        assertEquals(400, Http.call("PUT", "/api/v1/operator/tickets/" + id + "/status", "{\"status\":\"DONE\"}",
                "Authorization", agent).status());
    }

    @Test
    void onlyTheOwnerAndWatchersGetEmailEachInTheirLanguage_T2() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member owner = Members.administrator(account);
        String ownerEmail = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", owner.headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("email");
        Members.Member german = joinInGerman(account);
        Members.setRole(account, german, "ACCOUNT_ADMINISTRATOR");
        Members.Member regular = Members.join(account);
        Accounts.Business stranger = Accounts.withDesktopSubscription(1);
        String strangerId = Http.get("/api/v1/admin/members", "Authorization", stranger.bearer()).json()
                .getJsonArray("items").getJsonObject(0).getString("userId");

        JsonObject ticket = open(owner.headers(), "Licenses missing after renewal");
        String id = ticket.getString("id");
        long number = ticket.getJsonNumber("number").longValue();
        assertEquals(404, Http.postJson("/api/v1/admin/tickets/" + id + "/watchers", "{\"userId\":\"" + regular.userId() + "\"}",
                owner.headers()).status(), "watchers are administrators of the account");
        assertEquals(404, Http.postJson("/api/v1/admin/tickets/" + id + "/watchers", "{\"userId\":\"" + strangerId + "\"}",
                owner.headers()).status(), "another account's administrator is not found");
        JsonObject watched = Http.postJson("/api/v1/admin/tickets/" + id + "/watchers", "{\"userId\":\"" + german.userId() + "\"}",
                owner.headers()).json();
        assertEquals(german.userId(), watched.getJsonArray("watchers").getJsonObject(0).getString("userId"));
        assertEquals(403, Http.call("DELETE", "/api/v1/admin/tickets/" + id + "/watchers/" + german.userId(), null,
                german.headers()).status(), "only the owner manages watchers");

        agentSays(id, "We are on it.", false);
        Mailbox.Email english = Mailbox.awaitTo(ownerEmail, "Support ticket #" + number);
        assertTrue(english.body().contains("a new reply"), english.body());
        Mailbox.Email deutsch = Mailbox.awaitTo(german.email(), "Support-Ticket #" + number);
        assertTrue(deutsch.body().contains("eine neue Antwort"), deutsch.body());
        assertTrue(Mailbox.to(regular.email()).stream().noneMatch(e -> e.subject().contains("#" + number)),
                "an administrator who does not watch gets nothing");

        // the owner's own reply emails the watcher, not the owner
        Http.postJson("/api/v1/admin/tickets/" + id + "/messages", "{\"body\":\"Thanks\"}", owner.headers());
        awaitCount(german.email(), "#" + number, 2);

        assertEquals(0, Http.call("DELETE", "/api/v1/admin/tickets/" + id + "/watchers/" + german.userId(), null,
                owner.headers()).json().getJsonArray("watchers").size());
        setStatus(id, "RESOLVED");
        awaitCount(ownerEmail, "#" + number, 2); // the agent's reply, then the resolution (not the owner's own reply)
        assertTrue(Mailbox.to(ownerEmail).stream().anyMatch(e -> e.body().contains("the ticket was resolved")),
                "the owner is told of the resolution");
        assertEquals(2, Mailbox.to(german.email()).stream().filter(e -> e.subject().contains("#" + number)).count(),
                "a removed watcher gets nothing more");
    }

    @Test
    void resolveReopenAndCloseAreEmailedInEachOnesLanguageButNotToWhoDidIt_T2() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member administrator = Members.administrator(account);
        String administratorEmail = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", administrator.headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("email");
        String administratorId = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", administrator.headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("userId");
        Members.Member germanOwner = joinInGerman(account); // a regular member who speaks German owns the ticket
        JsonObject ticket = open(germanOwner.headers(), "Aktivierung schlägt fehl");
        String id = ticket.getString("id");
        long number = ticket.getJsonNumber("number").longValue();
        assertEquals(200, Http.postJson("/api/v1/admin/tickets/" + id + "/watchers", "{\"userId\":\"" + administratorId + "\"}",
                germanOwner.headers()).status());

        setStatus(id, "RESOLVED");
        Mailbox.Email resolvedDe = Mailbox.awaitTo(germanOwner.email(), "Support-Ticket #" + number);
        assertTrue(resolvedDe.body().contains("das Ticket wurde gel\u00f6st"), resolvedDe.body());
        assertTrue(resolvedDe.body().contains("/app/tickets.xhtml?ticket=" + id), "the link opens the ticket: " + resolvedDe.body());
        Mailbox.Email resolvedEn = Mailbox.awaitTo(administratorEmail, "Support ticket #" + number);
        assertTrue(resolvedEn.body().contains("the ticket was resolved"), resolvedEn.body());

        // the owner reopens: the watcher is told in English, the owner (who did it) is not
        assertEquals(200, Http.postJson("/api/v1/admin/tickets/" + id + "/reopen", "{}", germanOwner.headers()).status());
        awaitCount(administratorEmail, "#" + number, 2);
        assertTrue(Mailbox.to(administratorEmail).stream().anyMatch(e -> e.body().contains("the ticket was reopened")));

        // the watcher closes: the owner is told in German, the watcher (who did it) is not
        assertEquals(200, Http.postJson("/api/v1/admin/tickets/" + id + "/close", "{}", administrator.headers()).status());
        awaitCount(germanOwner.email(), "#" + number, 2);
        assertTrue(Mailbox.to(germanOwner.email()).stream().anyMatch(e -> e.body().contains("das Ticket wurde geschlossen")),
                "the owner reads the closing in German");
        assertTrue(Mailbox.to(germanOwner.email()).stream().noneMatch(e -> e.body().contains("wieder ge\u00f6ffnet")),
                "the owner is not told of their own reopening");
        assertEquals(2, Mailbox.to(administratorEmail).stream().filter(e -> e.subject().contains("#" + number)).count(),
                "the watcher is not told of their own closing");
    }

    @Test
    void attachmentsAreCheckedOnContentAndServedOnlyToThoseWhoSeeTheTicket_T1() {
        Accounts.Business account = Accounts.withDesktopSubscription(1);
        Members.Member member = Members.join(account);
        Members.Member other = Members.join(account);
        String id = open(member.headers(), "Logs attached").getString("id");
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Http.Answer attached = attach(member.headers(), id, "../../etc/report.pdf", pdf);
        assertEquals(201, attached.status(), attached.body());
        assertEquals("report.pdf", attached.json().getString("fileName"), "a path-traversal name keeps its last segment only");
        String attachmentId = attached.json().getString("id");

        byte[] executable = new byte[2048];
        executable[0] = 'M';
        executable[1] = 'Z';
        Http.Answer renamed = attach(member.headers(), id, "screenshot.png", executable);
        assertEquals(400, renamed.status(), "an executable renamed .png: " + renamed.body());
        Http.Answer svg = attach(member.headers(), id, "diagram.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, svg.status(), "an SVG with a script: " + svg.body());
        Http.Answer huge = attach(member.headers(), id, "dump.zip", new byte[30 * 1024 * 1024]);
        assertEquals(413, huge.status());
        assertEquals(1, Rows.count("SELECT COUNT(*) FROM ticket_attachments WHERE ticket_id = ?", id), "only the good one is stored");

        String path = "/api/v1/admin/tickets/" + id + "/attachments/" + attachmentId;
        Http.Answer fetched = Http.get(path, member.headers());
        assertEquals(200, fetched.status());
        assertEquals("application/pdf", fetched.header("Content-Type").orElse(""));
        assertTrue(fetched.header("Content-Disposition").orElse("").startsWith("attachment"));
        assertEquals("nosniff", fetched.header("X-Content-Type-Options").orElse(""));
        assertEquals(200, Http.get(path, Members.administrator(account).headers()).status(), "the account's administrators see it");
        Http.Answer regular = Http.get(path, other.headers());
        assertEquals(404, regular.status(), "a regular member of the same account, another member's ticket");
        assertEquals("NOT_FOUND", regular.errorCode());
        Accounts.Business stranger = Accounts.withDesktopSubscription(1);
        assertEquals(404, Http.get(path, "Authorization", stranger.bearer()).status(), "another account");
        assertEquals(200, Http.get("/api/v1/operator/tickets/" + id + "/attachments/" + attachmentId, "Authorization",
                Subscriptions.operator()).status(), "support agents see it");
        String otherTicket = open(other.headers(), "Mine").getString("id");
        assertEquals(404, Http.get("/api/v1/admin/tickets/" + otherTicket + "/attachments/" + attachmentId, other.headers())
                .status(), "an attachment id under another ticket is not found");
    }

    private static Http.Answer attach(String[] headers, String ticketId, String name, byte[] content) {
        java.net.http.HttpRequest.Builder request = Http.request("/api/v1/admin/tickets/" + ticketId + "/attachments?fileName="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Type", "application/octet-stream").expectContinue(true)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content));
        request.headers(headers);
        return Http.send(request.build());
    }

    /** Waits up to 40 s (two rounds of the outbox) until the address has {@code count} emails with the text in the subject. */
    private static void awaitCount(String address, String subjectContains, long count) {
        long deadline = System.nanoTime() + 40_000_000_000L;
        while (Mailbox.to(address).stream().filter(e -> e.subject().contains(subjectContains)).count() < count
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(count, Mailbox.to(address).stream().filter(e -> e.subject().contains(subjectContains)).count(), address);
    }

    private static Members.Member joinInGerman(Accounts.Business account) {
        String email = Users.uniqueEmail("watcher");
        Http.Answer invited = Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"DE\"}",
                Members.administrator(account).headers());
        assertEquals(201, invited.status(), invited.body());
        String token = Mailbox.awaitTo(email, "").token("/join.xhtml");
        Http.Answer accepted = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"firstName\":\"Jana\",\"lastName\":\"Beobachter\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, accepted.status(), accepted.body());
        JsonObject listed = Http.get("/api/v1/admin/members?q=" + email, Members.administrator(account).headers()).json()
                .getJsonArray("items").getJsonObject(0);
        return new Members.Member(email, listed.getString("userId"), Users.tokenFor(email), account.accountId());
    }

    private static JsonObject open(String[] headers, String subject) {
        Http.Answer created = Http.postJson("/api/v1/admin/tickets", "{\"product\":\"DESKTOP\",\"category\":\"Licensing\","
                + "\"subject\":\"" + subject + "\",\"description\":\"Since this morning users see the activation dialog.\"}", headers);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    private static JsonObject agentSays(String id, String body, boolean internal) {
        Http.Answer answer = Http.postJson("/api/v1/operator/tickets/" + id + "/messages", "{\"body\":\"" + body
                + "\",\"internal\":" + internal + "}", "Authorization", Subscriptions.operator());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static void setStatus(String id, String status) {
        Http.Answer answer = Http.call("PUT", "/api/v1/operator/tickets/" + id + "/status", "{\"status\":\"" + status + "\"}",
                "Authorization", Subscriptions.operator());
        assertEquals(200, answer.status(), answer.body());
    }
}
