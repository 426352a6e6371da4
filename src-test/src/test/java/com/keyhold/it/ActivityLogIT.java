package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The activity log through the real API (issue 9; CONTRACT sections 6 and 7): what administrators
 * and operators do is recorded with who, which account, what, which object, when and from where, in
 * the transaction of the action; administrators read their account's log, operators everyone's.
 */
@KeyholdIntegrationTest
class ActivityLogIT {

    /** The test client talks to the server over the loopback interface. */
    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** A business account's administrator with their id and email, which the log names. */
    private record Admin(String userId, String email, Accounts.Business account) {

        String[] headers() {
            return Members.administrator(account).headers();
        }

        Http.Answer activity(String query) {
            return Http.get("/api/v1/admin/activity" + query, headers());
        }
    }

    private static Admin admin() {
        String email = Users.uniqueEmail("auditor");
        String userId = Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Audit " + email.substring(8, 16) + "\",\"country\":\"DE\",\"zip\":\"10115\","
                + "\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Admin(userId, email, new Accounts.Business(token, registered.json().getString("accountId"), subscription));
    }

    @Test
    void administratorsActionsAreRecordedWithActorAccountObjectAndAddressNewestFirst() {
        Admin admin = admin();
        Accounts.Business acme = admin.account();
        JsonObject lab = acme.createKey("Lab", "RESERVED", 1);
        String computer = Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId()).json()
                .getString("activationId");
        assertEquals(1, acme.action("deactivate", "{\"ids\":[\"" + computer + "\"]}").json().getInt("changed"));
        Members.Member member = Members.join(acme);
        String primaryKeyId = Http.get("/api/v1/admin/keys", admin.headers()).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow()
                .getString("id");
        Members.setRole(acme, member, "LICENSE_ADMINISTRATOR", primaryKeyId);
        Http.Answer deleted = Http.call("DELETE", "/api/v1/admin/keys/" + lab.getString("id"), null, admin.headers());
        assertEquals(200, deleted.status(), deleted.body());

        Http.Answer answer = admin.activity("");
        assertEquals(200, answer.status(), answer.body());
        JsonObject log = answer.json();
        List<JsonObject> items = items(log);
        assertEquals(List.of("KEY.DELETED", "MEMBER.ROLE_CHANGED", "MEMBER.JOINED", "MEMBER.INVITED",
                "COMPUTER.DEACTIVATED", "KEY.CREATED", "SUBSCRIPTION.REGISTERED"), actions(items), "newest first");
        assertEquals(7, log.getInt("total"));
        assertEquals(0, log.getInt("page"));
        assertEquals(50, log.getInt("size"));

        for (JsonObject item : items) {
            assertEquals(acme.accountId(), item.getString("accountId"), item.toString());
            assertTrue(LOOPBACK.matcher(item.getString("ip")).matches(), item.toString());
            assertNotNull(Instant.parse(item.getString("at")));
            assertFalse(item.getString("id").isBlank());
            if (!item.getString("action").equals("MEMBER.JOINED")) {
                assertEquals(admin.userId(), item.getJsonObject("actor").getString("id"), item.toString());
                assertEquals(admin.email(), item.getJsonObject("actor").getString("email"), item.toString());
            }
        }
        for (int i = 1; i < items.size(); i++) {
            assertFalse(Instant.parse(items.get(i).getString("at")).isAfter(Instant.parse(items.get(i - 1).getString("at"))),
                    "newest first");
        }
        // The member joined through the emailed link, signed in as nobody: no actor, the member as object.
        JsonObject joined = items.get(2);
        assertTrue(!joined.containsKey("actor") || joined.isNull("actor"), joined.toString());
        assertEquals(member.userId(), joined.getString("objectId"));

        JsonObject created = items.get(5);
        assertEquals("LicenseKey", created.getString("objectType"));
        assertEquals(lab.getString("id"), created.getString("objectId"));
        assertTrue(created.getString("summary").contains("'Lab'"), created.toString());
        assertFalse(created.getString("summary").contains(lab.getString("key")), "never the full license key");
        assertTrue(created.getString("summary").contains(lab.getString("key").substring(lab.getString("key").length() - 4)),
                "the masked key shows its last characters");
        JsonObject registered = items.get(6);
        assertFalse(registered.getString("summary").contains(acme.subscription().primaryKey()), registered.toString());
        assertEquals(acme.subscription().id(), registered.getString("objectId"));
        JsonObject deactivated = items.get(4);
        assertEquals("Computer", deactivated.getString("objectType"));
        assertEquals(computer, deactivated.getString("objectId"));
        JsonObject roleChanged = items.get(1);
        assertEquals("Member", roleChanged.getString("objectType"));
        assertEquals(member.userId(), roleChanged.getString("objectId"));
        assertTrue(roleChanged.getString("summary").contains("REGULAR_MEMBER -> LICENSE_ADMINISTRATOR"), roleChanged.toString());
        assertEquals(lab.getString("id"), items.get(0).getString("objectId"));

        // Filters: action (exact or a family), actor, date range; paging.
        assertEquals(List.of("KEY.CREATED"), actions(items(admin.activity("?action=KEY.CREATED").json())));
        assertEquals(List.of("KEY.DELETED", "KEY.CREATED"), actions(items(admin.activity("?action=key.*").json())));
        assertEquals(List.of("MEMBER.ROLE_CHANGED", "MEMBER.JOINED", "MEMBER.INVITED"),
                actions(items(admin.activity("?action=MEMBER.*").json())));
        assertEquals(6, admin.activity("?actor=" + encode(admin.email())).json().getInt("total"), "all but the join");
        assertEquals(6, admin.activity("?actor=" + admin.userId()).json().getInt("total"));
        assertEquals(0, admin.activity("?actor=" + encode(member.email())).json().getInt("total"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(7, admin.activity("?from=" + today + "&to=" + today).json().getInt("total"));
        assertEquals(0, admin.activity("?from=" + today.plusDays(1)).json().getInt("total"));
        assertEquals(0, admin.activity("?to=" + today.minusDays(1)).json().getInt("total"));
        String createdAt = created.getString("at");
        String deactivatedAt = deactivated.getString("at");
        assertEquals(List.of("COMPUTER.DEACTIVATED", "KEY.CREATED"),
                actions(items(admin.activity("?from=" + createdAt + "&to=" + deactivatedAt).json())), "both ends included");
        assertEquals(List.of("KEY.CREATED"), actions(items(admin.activity("?action=KEY.CREATED&from=" + createdAt
                + "&to=" + createdAt).json())));

        JsonObject second = admin.activity("?size=2&page=1").json();
        assertEquals(List.of("MEMBER.JOINED", "MEMBER.INVITED"), actions(items(second)));
        assertEquals(7, second.getInt("total"));
        assertEquals(1, second.getInt("page"));
        assertEquals(2, second.getInt("size"));
        assertEquals(500, admin.activity("?size=100000").json().getInt("size"), "the page size is capped");

        assertEquals("BAD_REQUEST", admin.activity("?action=KEY.CREATED'%20OR%201=1").errorCode());
        assertEquals("BAD_REQUEST", admin.activity("?from=yesterday").errorCode());
        assertEquals("BAD_REQUEST", admin.activity("?from=" + today + "&to=" + today.minusDays(1)).errorCode());
    }

    @Test
    void theExportIsTheFilteredLogAsCsvNewestFirst() {
        Admin admin = admin();
        admin.account().createKey("First", "DYNAMIC", 1);
        admin.account().createKey("Second", "DYNAMIC", 1);
        Http.Answer csv = Http.get("/api/v1/admin/activity/export.csv?action=KEY.CREATED", admin.headers());
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(3, lines.size(), csv.body());
        assertTrue(lines.get(0).replace("\"", "").startsWith("Time (UTC),Actor ID,Actor Email,Account ID,Action"), lines.get(0));
        assertTrue(lines.get(1).contains("KEY.CREATED") && lines.get(1).contains("'Second'"), lines.get(1));
        assertTrue(lines.get(2).contains(admin.email()), lines.get(2));
        assertEquals(403, Http.get("/api/v1/admin/activity/export.csv", Members.join(admin.account()).headers()).status());
    }

    @Test
    void onlyTheAccountsAdministratorsSeeItsLog() {
        Admin acme = admin();
        Members.Member licenseAdministrator = Members.join(acme.account());
        Members.Member regular = Members.join(acme.account());
        String keyId = acme.account().createKey("Shared", "DYNAMIC", 1).getString("id");
        Members.setRole(acme.account(), licenseAdministrator, "LICENSE_ADMINISTRATOR", keyId);

        for (Members.Member refused : List.of(regular, licenseAdministrator)) {
            Http.Answer answer = Http.get("/api/v1/admin/activity", refused.headers());
            assertEquals(403, answer.status(), answer.body());
            assertEquals("FORBIDDEN", answer.errorCode());
        }

        // Another account's administrator: the account does not exist for them, and their own log has none of it.
        Admin other = admin();
        Http.Answer foreign = Http.get("/api/v1/admin/activity", "Authorization", other.account().bearer(),
                "X-Account-Id", acme.account().accountId());
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("NOT_FOUND", foreign.errorCode());
        assertEquals(404, Http.get("/api/v1/admin/activity/export.csv", "Authorization", other.account().bearer(),
                "X-Account-Id", acme.account().accountId()).status());
        List<JsonObject> own = items(other.activity("?size=500").json());
        assertEquals(List.of("SUBSCRIPTION.REGISTERED"), actions(own));
        assertTrue(own.stream().allMatch(i -> i.getString("accountId").equals(other.account().accountId())));

        assertEquals(401, Http.get("/api/v1/admin/activity").status(), "no token, no log");
    }

    @Test
    void operatorsSeeEveryAccountsLogAndCustomersCannot() {
        Instant start = Instant.now().minusSeconds(2);
        Subscriptions.Issued issued = Subscriptions.desktop(3);
        Admin a = admin();
        Admin b = admin();
        String keyA = a.account().createKey("Key of A", "DYNAMIC", 1).getString("id");
        String keyB = b.account().createKey("Key of B", "DYNAMIC", 1).getString("id");

        Http.Answer all = Http.get("/api/v1/operator/activity?action=KEY.CREATED&size=500&from=" + start,
                "Authorization", Subscriptions.operator());
        assertEquals(200, all.status(), all.body());
        List<JsonObject> created = items(all.json());
        assertTrue(created.stream().anyMatch(i -> i.getString("objectId").equals(keyA)
                && i.getString("accountId").equals(a.account().accountId())), all.body());
        assertTrue(created.stream().anyMatch(i -> i.getString("objectId").equals(keyB)
                && i.getString("accountId").equals(b.account().accountId())), all.body());

        JsonObject onlyA = Http.get("/api/v1/operator/activity?accountId=" + a.account().accountId(),
                "Authorization", Subscriptions.operator()).json();
        assertEquals(List.of("KEY.CREATED", "SUBSCRIPTION.REGISTERED"), actions(items(onlyA)));
        assertEquals(2, onlyA.getInt("total"));

        // The operator's own action: issuing a subscription, not yet in any account; never its key.
        JsonObject issuedEntry = items(Http.get("/api/v1/operator/activity?action=SUBSCRIPTION.ISSUED&size=500&from=" + start,
                "Authorization", Subscriptions.operator()).json()).stream()
                .filter(i -> i.getString("objectId").equals(issued.id())).findFirst().orElseThrow();
        assertTrue(!issuedEntry.containsKey("accountId") || issuedEntry.isNull("accountId"), issuedEntry.toString());
        assertFalse(issuedEntry.getJsonObject("actor").getString("id").isBlank());
        assertFalse(issuedEntry.getString("summary").contains(issued.primaryKey()), "never the primary key");
        assertTrue(LOOPBACK.matcher(issuedEntry.getString("ip")).matches(), issuedEntry.toString());

        Http.Answer customer = Http.get("/api/v1/operator/activity", "Authorization", a.account().bearer());
        assertEquals(401, customer.status(), customer.body());
        assertEquals(401, Http.get("/api/v1/operator/activity").status());
    }

    @Test
    void aRefusedActionLeavesNoEntry() {
        Admin admin = admin();
        long before = admin.activity("").json().getInt("total");

        // Refused before anything changed: too many seats for the pool (L6).
        Http.Answer tooMany = Http.postJson("/api/v1/admin/subscriptions/" + admin.account().subscription().id() + "/keys",
                "{\"name\":\"Greedy\",\"type\":\"RESERVED\",\"quota\":50}", admin.headers());
        assertEquals(409, tooMany.status(), tooMany.body());

        // Refused after a first change in the same transaction: the notes change is recorded, then blocking the
        // last administrator is refused (A8) and the whole transaction rolls back, entry included.
        Http.Answer lastAdministrator = Http.call("PATCH", "/api/v1/admin/members/" + admin.userId(),
                "{\"notes\":\"about to be blocked\",\"blocked\":true}", admin.headers());
        assertEquals(409, lastAdministrator.status(), lastAdministrator.body());
        assertEquals("LAST_ADMINISTRATOR", lastAdministrator.errorCode());

        JsonObject after = admin.activity("").json();
        assertEquals(before, after.getInt("total"), after.toString());
        assertEquals(0, admin.activity("?action=MEMBER.NOTES_CHANGED").json().getInt("total"));
        assertEquals(0, admin.activity("?action=KEY.CREATED").json().getInt("total"));

        // The same change without the refused part is recorded.
        Http.Answer notes = Http.call("PATCH", "/api/v1/admin/members/" + admin.userId(), "{\"notes\":\"kept\"}",
                admin.headers());
        assertEquals(200, notes.status(), notes.body());
        assertEquals(List.of("MEMBER.NOTES_CHANGED"), actions(items(admin.activity("?action=MEMBER.NOTES_CHANGED").json())));
    }

    private static List<JsonObject> items(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
    }

    private static List<String> actions(List<JsonObject> items) {
        return items.stream().map(i -> i.getString("action")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
