package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The Registered Computers through the admin API (CONTRACT section 6; SPEC C2, C4–C8). */
@KeyholdIntegrationTest
class ComputersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theListPagesFiltersSearchesAndSortsInTheDatabase_C6() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(activate(acme.subscription().primaryKey(), "HW-list-" + i + "-" + acme.accountId()).getString("activationId"));
        }
        acme.action("deactivate", "{\"ids\":[\"" + ids.get(0) + "\"]}");

        JsonObject page = acme.computers("?size=2&page=1&sort=name").json();
        assertEquals(5, page.getInt("total"));
        assertEquals(2, page.getJsonArray("items").size());
        assertEquals(1, page.getInt("page"));
        JsonObject first = acme.computers("?size=50&sort=hardwareId").json().getJsonArray("items").getJsonObject(0);
        assertTrue(first.getString("hardwareId").startsWith("HW-list-0"));
        assertEquals(ids.get(0), first.getString("id"), "the id is the activationId its client holds");
        assertEquals("DEACTIVATED", first.getString("status"));
        assertEquals("Default", first.getJsonObject("configurationProfile").getString("name"), "CONTRACT 6: {\"id\",\"name\"}");
        assertTrue(first.getJsonObject("configurationProfile").isNull("id"), "the built-in Default has no id");
        assertEquals("19.1.0-54729", first.getString("appVersion"));
        assertTrue(first.containsKey("lastContact") && first.containsKey("keyName") && first.containsKey("keyId"));

        assertEquals(4, acme.computers("?status=ACTIVE").json().getInt("total"));
        assertEquals(1, acme.computers("?status=DEACTIVATED").json().getInt("total"));
        assertEquals(1, acme.computers("?q=list-3").json().getInt("total"));
        // issue 13: the search also looks at MAC and IP addresses (every computer here reports the same ones)
        assertEquals(5, acme.computers("?q=3c:07:54").json().getInt("total"), "a MAC address, as typed, in any case");
        assertEquals(5, acme.computers("?q=10.0.0").json().getInt("total"), "an IP address");
        assertEquals(0, acme.computers("?q=10.9.9").json().getInt("total"));
        assertEquals(0, acme.computers("?display=EXPIRED").json().getInt("total"));
        assertEquals("HW-list-4-" + acme.accountId(),
                acme.computers("?sort=-hardwareId").json().getJsonArray("items").getJsonObject(0).getString("hardwareId"));
        assertEquals(400, acme.computers("?status=SOMETIMES").status());

        // The page counts only up to a limit (10,000): past it the total says "at least", never more than there are.
        JsonObject bounded = acme.computers("?countUpTo=3&size=2").json();
        assertEquals(3, bounded.getInt("total"));
        assertFalse(bounded.getBoolean("totalExact"));
        assertEquals(2, bounded.getJsonArray("items").size());
        JsonObject enough = acme.computers("?countUpTo=5&status=ACTIVE").json();
        assertEquals(4, enough.getInt("total"));
        assertTrue(enough.getBoolean("totalExact"));
        assertTrue(acme.computers("").json().getBoolean("totalExact"), "the API counts exactly unless asked not to");
        assertEquals(400, acme.computers("?countUpTo=0").status());
    }

    /**
     * A key may be installed before anyone registers it: its computers then join the account that
     * registers it (the list reads an account's computers by their own account column, V6).
     */
    @Test
    void computersActivatedBeforeTheKeyIsRegisteredAreListedInTheAccountThatRegistersIt_C6() {
        com.keyhold.it.support.Subscriptions.Issued subscription = com.keyhold.it.support.Subscriptions.desktop(5);
        String early = activate(subscription.primaryKey(), Clients.newHardwareId()).getString("activationId");
        String email = com.keyhold.it.support.Users.uniqueEmail("late");
        com.keyhold.it.support.Users.signUp(email);
        String token = com.keyhold.it.support.Users.tokenFor(email);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Late Ltd\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        Accounts.Business late = new Accounts.Business(token, registered.json().getString("accountId"), subscription);
        String after = activate(subscription.primaryKey(), Clients.newHardwareId()).getString("activationId");

        JsonObject page = late.computers("?sort=-lastContact").json();
        assertEquals(2, page.getInt("total"));
        assertEquals(List.of(after, early), page.getJsonArray("items").stream()
                .map(item -> item.asJsonObject().getString("id")).toList(), "newest contact first");
        assertEquals(2, late.computers("?status=ACTIVE").json().getInt("total"));
        assertEquals(1, late.action("deactivate", "{\"ids\":[\"" + early + "\"]}").json().getInt("changed"),
                "the registering account may act on a computer activated before it registered the key");
        assertEquals(1, late.computers("?status=ACTIVE").json().getInt("total"));
        assertEquals(early, late.computers("?status=DEACTIVATED").json().getJsonArray("items").getJsonObject(0).getString("id"));
    }

    @Test
    void deactivationFreesTheSeatAndTheClientLearnsItAtItsNextCheckIn_C4() {
        Accounts.Business acme = Accounts.withDesktopSubscription(1);
        JsonObject computer = activate(acme.subscription().primaryKey(), Clients.newHardwareId());
        Http.Answer answer = acme.action("deactivate", "{\"ids\":[\"" + computer.getString("activationId") + "\"]}");
        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.json().getInt("changed"));
        assertEquals("DEACTIVATED", Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken"))
                .json().getString("status"));
        assertEquals(201, Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId()).status());
    }

    @Test
    void aBlacklistedComputerCannotReactivateWithThatKeyButCanWithAnother_C5() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String hardwareId = Clients.newHardwareId();
        JsonObject computer = activate(acme.subscription().primaryKey(), hardwareId);
        String id = computer.getString("activationId");
        assertEquals(200, acme.action("blacklist", "{\"ids\":[\"" + id + "\"]}").status());

        assertEquals("BLACKLISTED", Clients.checkIn(id, computer.getString("activationToken")).json().getString("status"));
        Http.Answer again = Clients.activate(acme.subscription().primaryKey(), hardwareId);
        assertEquals(403, again.status());
        assertEquals("COMPUTER_BLACKLISTED", again.errorCode());
        assertEquals(1, acme.computers("?status=BLACKLISTED").json().getInt("total"));

        JsonObject otherKey = acme.createKey("Lab", "RESERVED", 1);
        Http.Answer withOtherKey = Clients.activate(otherKey.getString("key"), hardwareId);
        assertEquals(200, withOtherKey.status(), "another key still works: " + withOtherKey.body());
        assertEquals(id, withOtherKey.json().getString("activationId"));
    }

    @Test
    void removingFromTheBlacklistLeavesTheComputerDeactivated_C5() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String hardwareId = Clients.newHardwareId();
        String id = activate(acme.subscription().primaryKey(), hardwareId).getString("activationId");
        acme.action("blacklist", "{\"ids\":[\"" + id + "\"]}");
        Http.Answer removed = acme.action("unblacklist", "{\"ids\":[\"" + id + "\"]}");
        assertEquals(1, removed.json().getInt("changed"));
        assertEquals("DEACTIVATED", Http.get("/api/v1/admin/computers/" + id, "Authorization", acme.bearer()).json().getString("status"));
        assertEquals(200, Clients.activate(acme.subscription().primaryKey(), hardwareId).status());
    }

    @Test
    void aMoveHappensForAllOrNone_C8() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        JsonObject lab = acme.createKey("Lab", "RESERVED", 2);
        String a = activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");
        String b = activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");
        JsonObject cJson = activate(acme.subscription().primaryKey(), Clients.newHardwareId());
        String c = cJson.getString("activationId");

        Http.Answer tooMany = acme.action("move", "{\"ids\":[\"" + a + "\",\"" + b + "\",\"" + c + "\"],\"targetKeyId\":\"" + lab.getString("id") + "\"}");
        assertEquals(409, tooMany.status());
        assertEquals("INSUFFICIENT_SEATS", tooMany.errorCode());
        assertEquals(0, usedOn(acme, lab.getString("id")), "nothing moved");

        acme.action("deactivate", "{\"ids\":[\"" + b + "\"]}");
        Http.Answer moved = acme.action("move", "{\"ids\":[\"" + a + "\",\"" + b + "\"],\"targetKeyId\":\"" + lab.getString("id") + "\"}");
        assertEquals(200, moved.status(), moved.body());
        assertEquals(2, moved.json().getInt("changed"));
        JsonObject movedB = Http.get("/api/v1/admin/computers/" + b, "Authorization", acme.bearer()).json();
        assertEquals("ACTIVE", movedB.getString("status"), "a deactivated computer becomes active on the target");
        assertEquals(lab.getString("id"), movedB.getString("keyId"));
        JsonObject checkIn = Clients.checkIn(c, cJson.getString("activationToken")).json();
        assertFalse(checkIn.getString("keyName").equals("Lab"), "c did not move");
    }

    @Test
    void theClientSeesTheNewKeyAfterAMove_C8() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        JsonObject lab = acme.createKey("Lab", "DYNAMIC", 2);
        JsonObject computer = activate(acme.subscription().primaryKey(), Clients.newHardwareId());
        acme.action("move", "{\"ids\":[\"" + computer.getString("activationId") + "\"],\"targetKeyId\":\"" + lab.getString("id") + "\"}");
        assertEquals("Lab", Clients.checkIn(computer.getString("activationId"), computer.getString("activationToken"))
                .json().getString("keyName"));
    }

    @Test
    void oneUnknownIdChangesNothing_contract6() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String id = activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");
        Http.Answer answer = acme.action("deactivate", "{\"ids\":[\"" + id + "\",\"no-such-computer\"]}");
        assertEquals(404, answer.status());
        assertEquals("NOT_FOUND", answer.errorCode());
        assertEquals(1, acme.computers("?status=ACTIVE").json().getInt("total"));
    }

    @Test
    void anotherAccountsComputersAreNotFoundThroughEveryEndpoint_tenancy() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Accounts.Business globex = Accounts.withDesktopSubscription(5);
        String acmeComputer = activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");
        String acmeKey = acme.createKey("Lab", "RESERVED", 1).getString("id");
        String globexComputer = activate(globex.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");

        for (String action : new String[] {"deactivate", "blacklist", "unblacklist"}) {
            Http.Answer answer = globex.action(action, "{\"ids\":[\"" + acmeComputer + "\"]}");
            assertEquals(404, answer.status(), action);
            assertEquals("NOT_FOUND", answer.errorCode());
        }
        assertEquals(404, globex.action("move", "{\"ids\":[\"" + globexComputer + "\"],\"targetKeyId\":\"" + acmeKey + "\"}").status());
        assertEquals(404, Http.get("/api/v1/admin/computers/" + acmeComputer, "Authorization", globex.bearer()).status());
        assertEquals(404, Http.send(Http.request("/api/v1/admin/computers/" + acmeComputer).header("Authorization", globex.bearer())
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"alias\":\"x\"}")).build()).status());
        assertEquals(1, globex.computers("").json().getInt("total"), "only its own");
        assertEquals(404, Http.get("/api/v1/admin/subscriptions/" + acme.subscription().id() + "/keys", "Authorization", globex.bearer()).status());
        assertEquals("ACTIVE", Http.get("/api/v1/admin/computers/" + acmeComputer, "Authorization", acme.bearer()).json().getString("status"));
    }

    @Test
    void aliasAndNotesAreEditable_C2() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String id = activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId");
        Http.Answer answer = Http.send(Http.request("/api/v1/admin/computers/" + id).header("Authorization", acme.bearer())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"alias\":\"Reception Mac\",\"notes\":\"Desk 3\"}")).build());
        assertEquals(200, answer.status(), answer.body());
        assertEquals("Reception Mac", answer.json().getString("name"));
        assertEquals("Desk 3", answer.json().getString("notes"));
    }

    @Test
    void theCsvExportIsSafeToOpenInASpreadsheet_C7() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        String[] hostile = {"=HYPERLINK(\"http://evil\",\"x\")", "+1", "-1", "@x", "Mac;=1+1"};
        for (String name : hostile) {
            Http.postJson("/api/v1/client/activations", "{\"key\":\"" + acme.subscription().primaryKey() + "\",\"hardwareId\":\""
                    + Clients.newHardwareId() + "\",\"computerName\":\"" + name.replace("\"", "\\\"") + "\"}");
        }
        Http.Answer csv = Http.get("/api/v1/admin/computers/export.csv?sort=name", "Authorization", acme.bearer());
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").orElse("").contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(6, lines.size(), csv.body());
        assertTrue(lines.get(0).startsWith("\"Name\",\"Computer Name\","), "every cell quoted: " + lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("\"'") || line.startsWith("\"Mac;'="), "a formula-looking cell is text: " + line);
        }
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""));
        // issue 9: a spreadsheet that splits at ';' must not find a formula in the second part either
        assertTrue(csv.body().contains("\"Mac;'=1+1\""), csv.body());
    }

    @Test
    void theExportStreamsTheWholeListInBatches_C7() {
        Accounts.Business acme = Accounts.withDesktopSubscription(1200);
        List<Callable<Integer>> activations = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            activations.add(() -> Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId()).status());
        }
        runAll(activations, 16);
        Http.Answer csv = Http.get("/api/v1/admin/computers/export.csv", "Authorization", acme.bearer());
        assertEquals(1101, csv.body().lines().count(), "header and every computer, across more than one batch of 1000");
        assertEquals(1100, csv.body().lines().skip(1).distinct().count());
        assertTrue(csv.header("Content-Length").isEmpty(), "streamed, not buffered: " + csv.headers());
    }

    @Test
    void aMoveRacingActivationsOnTheTargetNeverOversells_C8() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(30);
        JsonObject lab = acme.createKey("Lab", "RESERVED", 10);
        List<String> movers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            movers.add(activate(acme.subscription().primaryKey(), Clients.newHardwareId()).getString("activationId"));
        }
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            work.add(() -> Clients.activate(lab.getString("key"), Clients.newHardwareId()).status());
        }
        String ids = movers.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        work.add(() -> acme.action("move", "{\"ids\":[" + ids + "],\"targetKeyId\":\"" + lab.getString("id") + "\"}").status());
        List<Integer> answers = runAll(work, 21);
        assertTrue(answers.stream().allMatch(s -> s == 200 || s == 201 || s == 409), "only 200, 201 or 409: " + answers);
        assertEquals(10, usedOn(acme, lab.getString("id")), "the reserved key is full, never over");
        assertEquals(10, acme.computers("?status=ACTIVE&q=Lab").json().getInt("total"));
        // all or nothing (C8): either every mover is on the target key or none is
        long moversOnLab = movers.stream().filter(id -> "Lab".equals(acme.computer(id).getString("keyName", null))).count();
        boolean moved = answers.get(answers.size() - 1) == 200;
        assertEquals(moved ? 5 : 0, moversOnLab, "the move answered " + answers.get(answers.size() - 1));
    }

    @Test
    void aDynamicKeyCompetingWithThePrimaryNeverOversellsThePool_L5() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(20);
        JsonObject dynamic = acme.createKey("Branch", "DYNAMIC", 15);
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String key = i % 2 == 0 ? dynamic.getString("key") : acme.subscription().primaryKey();
            work.add(() -> Clients.activate(key, Clients.newHardwareId()).status());
        }
        Map<Integer, Long> outcomes = runAll(work, 100).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(20L, outcomes.get(201), "exactly the pool: " + outcomes);
        assertEquals(80L, outcomes.get(409));
        assertEquals(20, acme.computers("?status=ACTIVE").json().getInt("total"));
    }

    /**
     * "Select all" (CONTRACT section 6, the filter form): the action covers every computer the filter
     * matches, only if that is still the number the administrator saw; otherwise nothing changes and
     * the answer says how many it would change. Another account's computers never match.
     */
    @Test
    void selectAllActsOnTheFilteredListOnlyWithTheNumberShown_contract6_C4() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        Accounts.Business other = Accounts.withDesktopSubscription(10);
        List<String> labs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            labs.add(activate(acme.subscription().primaryKey(), "HW-lab-" + i + "-" + acme.accountId()).getString("activationId"));
        }
        String office = activate(acme.subscription().primaryKey(), "HW-office-" + acme.accountId()).getString("activationId");
        String theirs = activate(other.subscription().primaryKey(), "HW-lab-x-" + other.accountId()).getString("activationId");

        Http.Answer stale = acme.action("deactivate", "{\"filter\":{\"status\":\"ACTIVE\",\"q\":\"HW-lab\"},\"expected\":2}");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("CONFIRMATION_REQUIRED", stale.errorCode());
        assertEquals(3, stale.json().getInt("wouldChange"), "this account's three lab computers; never another account's");
        assertEquals(4, acme.computers("?status=ACTIVE").json().getInt("total"), "nothing changed");

        Http.Answer done = acme.action("deactivate", "{\"filter\":{\"status\":\"ACTIVE\",\"q\":\"HW-lab\"},\"expected\":3}");
        assertEquals(200, done.status(), done.body());
        assertEquals(3, done.json().getInt("changed"));
        for (String lab : labs) {
            assertEquals("DEACTIVATED", acme.computer(lab).getString("status"));
        }
        assertEquals("ACTIVE", acme.computer(office).getString("status"));
        assertEquals("ACTIVE", other.computer(theirs).getString("status"));

        assertEquals(400, acme.action("deactivate", "{\"filter\":{\"status\":\"ACTIVE\"}}").status(), "expected is required");
        assertEquals(400, acme.action("deactivate", "{\"filter\":{\"status\":\"SOMETIMES\"},\"expected\":1}").status());
        assertEquals(400, acme.action("deactivate", "{\"ids\":[\"" + office + "\"],\"filter\":{},\"expected\":1}").status(),
                "ids or a filter, not both");
        assertEquals("ACTIVE", acme.computer(office).getString("status"));
    }

    /** Every column of the list sorts, multi-valued ones by their first value (issue 12). */
    @Test
    void everyColumnSortsInBothDirections_C6() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        for (int i = 0; i < 3; i++) {
            activate(acme.subscription().primaryKey(), "HW-sort-" + i + "-" + acme.accountId());
        }
        for (String column : List.of("name", "keyName", "status", "lastContact", "appVersion", "hardwareId", "serialNumber",
                "hostOs", "userName", "activatedAt", "expiresOn", "macAddresses", "ipAddresses", "configurationProfile",
                "activatedBy", "notes")) {
            for (String direction : List.of("", "-")) {
                Http.Answer page = acme.computers("?sort=" + direction + column);
                assertEquals(200, page.status(), column + ": " + page.body());
                assertEquals(3, page.json().getJsonArray("items").size(), column);
            }
        }
        List<String> ascending = acme.computers("?sort=hardwareId").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("hardwareId")).toList();
        List<String> descending = acme.computers("?sort=-hardwareId").json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("hardwareId")).toList();
        List<String> reversed = new ArrayList<>(descending);
        java.util.Collections.reverse(reversed);
        assertEquals(ascending, reversed);
    }

    private static int usedOn(Accounts.Business account, String keyId) {
        return Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys", "Authorization", account.bearer())
                .json().getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(k -> k.getString("id").equals(keyId)).findFirst().orElseThrow().getInt("used");
    }

    private static JsonObject activate(String key, String hardwareId) {
        Http.Answer answer = Clients.activate(key, hardwareId);
        assertTrue(answer.status() == 201 || answer.status() == 200, answer.body());
        return answer.json();
    }

    private static List<Integer> runAll(List<Callable<Integer>> work, int threads) {
        return Concurrently.run(work);
    }
}
