package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Profiles;
import com.keyhold.it.support.Proxies;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.TwoAccounts;
import com.keyhold.it.support.TwoAccounts.Side;
import com.keyhold.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.openqa.selenium.By;

/**
 * The tenancy matrix (SPEC A6, quality bar "Tenancy", CONTRACT section 1): every member of account A,
 * whatever their role, using an id of account B through any admin API endpoint that takes one, gets
 * 404 NOT_FOUND, and nothing in B changes. A new endpoint is one new row of {@link #rows}.
 */
@KeyholdIntegrationTest
class TenancyMatrixIT {

    private static final Set<String> ALL_ROLES = Set.of("ACCOUNT_ADMINISTRATOR", "LICENSE_ADMINISTRATOR", "REGULAR_MEMBER");
    private static final Set<String> COMPUTER_MANAGERS = Set.of("ACCOUNT_ADMINISTRATOR", "LICENSE_ADMINISTRATOR");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /**
     * One call of a member of A that reaches for B: {@code inAccountB} sends B's id as {@code X-Account-Id};
     * {@code roles} are the roles of A the row applies to (a row whose only foreign id comes after an
     * id of A the role may not act on answers FORBIDDEN first, which reveals nothing of B).
     */
    record Row(String name, String method, String path, String body, boolean inAccountB, Set<String> roles) {

        Row(String name, String method, String path, String body) {
            this(name, method, path, body, false, ALL_ROLES);
        }
    }

    static List<Row> rows(Side a, Side b, String unregisteredKey, String proxyOfB) {
        String subscription = b.account().subscription().id();
        String computer = b.computerOnPrimary();
        String proxy = "/api/v1/admin/proxies/" + proxyOfB;
        return List.of(
                new Row("proxy server of B", "GET", proxy, null, false, COMPUTER_MANAGERS),
                new Row("usage of B's proxy server", "GET", proxy + "/usage", null, false, COMPUTER_MANAGERS),
                new Row("deactivate B's proxy server", "POST", proxy + "/deactivation", "{}", false, COMPUTER_MANAGERS),
                new Row("release B's proxy server", "POST", proxy + "/release", "{\"confirm\":true}", false, COMPUTER_MANAGERS),
                new Row("notes of B's proxy server", "PATCH", proxy, "{\"notes\":\"pwned\"}", false, COMPUTER_MANAGERS),
                new Row("proxy servers with B chosen", "GET", "/api/v1/admin/proxies", null, true, ALL_ROLES),
                new Row("proxy export with B chosen", "GET", "/api/v1/admin/proxies/export.csv", null, true, ALL_ROLES),
                new Row("subscription of B", "GET", "/api/v1/admin/subscriptions/" + subscription, null),
                new Row("keys of B's subscription", "GET", "/api/v1/admin/subscriptions/" + subscription + "/keys", null),
                new Row("create a key in B's subscription", "POST", "/api/v1/admin/subscriptions/" + subscription + "/keys",
                        "{\"name\":\"Intruder\",\"type\":\"RESERVED\",\"quota\":1}"),
                new Row("change B's key", "PATCH", "/api/v1/admin/keys/" + b.secondKeyId(), "{\"quota\":1,\"confirm\":true}"),
                new Row("delete B's key", "DELETE", "/api/v1/admin/keys/" + b.secondKeyId() + "?confirm=true", null),
                new Row("delete B's key, confirmed in the body", "DELETE", "/api/v1/admin/keys/" + b.secondKeyId(), "{\"confirm\":true}"),
                new Row("reveal B's key", "POST", "/api/v1/admin/keys/" + b.primaryKeyId() + "/reveal", null),
                new Row("delete A's key moving its computers to B's key", "DELETE", "/api/v1/admin/keys/" + a.secondKeyId(),
                        "{\"confirm\":true,\"moveToKeyId\":\"" + b.primaryKeyId() + "\"}", false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("select all with B chosen", "POST", "/api/v1/admin/computers/actions/deactivate",
                        "{\"filter\":{\"status\":\"ACTIVE\"},\"expected\":1}", true, ALL_ROLES),
                new Row("managed keys of B's subscription", "GET", "/api/v1/admin/keys?subscriptionId=" + subscription, null),
                new Row("computer of B", "GET", "/api/v1/admin/computers/" + computer, null),
                new Row("describe B's computer", "PATCH", "/api/v1/admin/computers/" + computer, "{\"alias\":\"pwned\"}"),
                new Row("deactivate B's computer", "POST", "/api/v1/admin/computers/actions/deactivate", ids(computer)),
                new Row("blacklist B's computer", "POST", "/api/v1/admin/computers/actions/blacklist", ids(computer)),
                new Row("unblacklist B's computer", "POST", "/api/v1/admin/computers/actions/unblacklist", ids(computer)),
                new Row("move B's computer", "POST", "/api/v1/admin/computers/actions/move",
                        "{\"ids\":[\"" + computer + "\"],\"targetKeyId\":\"" + b.secondKeyId() + "\"}"),
                new Row("move A's computer to B's key", "POST", "/api/v1/admin/computers/actions/move",
                        "{\"ids\":[\"" + a.computerOnPrimary() + "\"],\"targetKeyId\":\"" + b.secondKeyId() + "\"}",
                        false, COMPUTER_MANAGERS),
                new Row("deactivate A's and B's computers at once", "POST", "/api/v1/admin/computers/actions/deactivate",
                        "{\"ids\":[\"" + a.computerOnPrimary() + "\",\"" + computer + "\"]}", false, COMPUTER_MANAGERS),
                new Row("export B's computer", "GET", "/api/v1/admin/computers/export.csv?ids=" + computer, null,
                        false, COMPUTER_MANAGERS),
                new Row("member of B", "GET", "/api/v1/admin/members/" + b.regularMember().userId(), null),
                new Row("promote a member of B", "PATCH", "/api/v1/admin/members/" + b.regularMember().userId(),
                        "{\"role\":\"ACCOUNT_ADMINISTRATOR\"}"),
                new Row("block a member of B", "PATCH", "/api/v1/admin/members/" + b.licenseAdministrator().userId(),
                        "{\"blocked\":true}"),
                new Row("remove a member of B", "DELETE", "/api/v1/admin/members/" + b.regularMember().userId(), null),
                new Row("grant B's key to a member of A", "PATCH", "/api/v1/admin/members/" + a.regularMember().userId(),
                        "{\"role\":\"LICENSE_ADMINISTRATOR\",\"keyIds\":[\"" + b.primaryKeyId() + "\"]}",
                        false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("invite for B's key", "POST", "/api/v1/admin/members/invitations",
                        "{\"emails\":[\"intruder@example.com\"],\"language\":\"EN\",\"keyId\":\"" + b.primaryKeyId() + "\"}"),
                new Row("withdraw B's invitation", "DELETE", "/api/v1/admin/members/invitations/" + b.invitationId(), null),
                new Row("resend B's invitation", "POST", "/api/v1/admin/members/invitations/" + b.invitationId() + "/resend", "{}",
                        false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("invite to install with B's key", "POST", "/api/v1/admin/keys/" + b.primaryKeyId() + "/invitations",
                        "{\"emails\":[\"intruder@example.com\"],\"language\":\"EN\",\"expiresInDays\":7,\"send\":false}"),
                new Row("invitations to install of B's key", "GET", "/api/v1/admin/keys/" + b.primaryKeyId() + "/invitations", null),
                new Row("subscriptions with B chosen", "GET", "/api/v1/admin/subscriptions", null, true, ALL_ROLES),
                new Row("computers with B chosen", "GET", "/api/v1/admin/computers", null, true, ALL_ROLES),
                new Row("members with B chosen", "GET", "/api/v1/admin/members", null, true, ALL_ROLES),
                new Row("managed keys with B chosen", "GET", "/api/v1/admin/keys", null, true, ALL_ROLES),
                new Row("invitations with B chosen", "GET", "/api/v1/admin/members/invitations", null, true, ALL_ROLES),
                new Row("export with B chosen", "GET", "/api/v1/admin/computers/export.csv", null, true, ALL_ROLES),
                new Row("activity log with B chosen", "GET", "/api/v1/admin/activity", null, true, ALL_ROLES),
                new Row("activity export with B chosen", "GET", "/api/v1/admin/activity/export.csv", null, true, ALL_ROLES),
                new Row("deactivate with B chosen", "POST", "/api/v1/admin/computers/actions/deactivate", ids(computer),
                        true, ALL_ROLES),
                new Row("B's business profile", "GET", "/api/v1/admin/accounts/current", null, true, ALL_ROLES),
                new Row("edit B's company", "PATCH", "/api/v1/admin/accounts/current",
                        "{\"name\":\"Pwned\",\"country\":\"DE\",\"zip\":\"1\",\"phone\":\"1\"}", true, ALL_ROLES),
                new Row("register a key into B", "POST", "/api/v1/admin/registrations",
                        "{\"key\":\"" + unregisteredKey + "\"}", true,
                        ALL_ROLES),
                new Row("invite into B", "POST", "/api/v1/admin/members/invitations",
                        "{\"emails\":[\"intruder@example.com\"],\"language\":\"EN\"}", true, ALL_ROLES),
                new Row("leave B", "DELETE", "/api/v1/admin/members/me", null, true, ALL_ROLES),
                new Row("B's configuration profile", "GET", "/api/v1/admin/profiles/" + Profiles.of(b.administrator()), null,
                        false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("change B's configuration profile", "PUT", "/api/v1/admin/profiles/" + Profiles.of(b.administrator()),
                        Profiles.body("Pwned"), false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("delete B's configuration profile", "DELETE", "/api/v1/admin/profiles/" + Profiles.of(b.administrator()),
                        null, false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("apply B's configuration profile to A's key", "PATCH", "/api/v1/admin/keys/" + a.secondKeyId(),
                        "{\"profileId\":\"" + Profiles.of(b.administrator()) + "\"}", false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("apply a configuration profile to B's key", "PATCH", "/api/v1/admin/keys/" + b.secondKeyId(),
                        "{\"profileId\":null}"),
                new Row("configuration profiles with B chosen", "GET", "/api/v1/admin/profiles", null, true, ALL_ROLES),
                new Row("create a configuration profile in B", "POST", "/api/v1/admin/profiles", Profiles.body("Intruder"),
                        true, ALL_ROLES),
                new Row("B's identity provider with B chosen", "GET", "/api/v1/admin/identity-provider", null, true, ALL_ROLES),
                new Row("set B's identity provider", "PUT", "/api/v1/admin/identity-provider",
                        "{\"issuer\":\"https://evil.example\",\"audience\":\"x\",\"jwksUrl\":\"https://evil.example/k\"}", true,
                        ALL_ROLES),
                new Row("remove B's identity provider", "DELETE", "/api/v1/admin/identity-provider", null, true, ALL_ROLES),
                new Row("SCIM tokens with B chosen", "GET", "/api/v1/admin/scim-tokens", null, true, ALL_ROLES),
                new Row("create a SCIM token in B", "POST", "/api/v1/admin/scim-tokens", "{\"name\":\"intruder\"}", true,
                        ALL_ROLES),
                new Row("revoke B's SCIM token", "DELETE", "/api/v1/admin/scim-tokens/" + scimTokenOf(b.administrator()), null,
                        false, Set.of("ACCOUNT_ADMINISTRATOR")),
                new Row("B's support ticket", "GET", "/api/v1/admin/tickets/" + ticketOf(b.administrator()), null),
                new Row("reply to B's ticket", "POST", "/api/v1/admin/tickets/" + ticketOf(b.administrator()) + "/messages",
                        "{\"body\":\"pwned\"}"),
                new Row("close B's ticket", "POST", "/api/v1/admin/tickets/" + ticketOf(b.administrator()) + "/close", "{}"),
                new Row("watch B's ticket", "POST", "/api/v1/admin/tickets/" + ticketOf(b.administrator()) + "/watchers",
                        "{\"userId\":\"" + a.administrator().userId() + "\"}"),
                new Row("tickets with B chosen", "GET", "/api/v1/admin/tickets", null, true, ALL_ROLES),
                new Row("open a ticket in B", "POST", "/api/v1/admin/tickets", "{\"product\":\"DESKTOP\",\"category\":\"x\","
                        + "\"subject\":\"x\",\"description\":\"x\"}", true, ALL_ROLES));
    }

    private static final Map<String, String> TICKETS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The id of a support ticket of the administrator's account (T1), opened once. */
    static String ticketOf(Members.Member administrator) {
        return TICKETS.computeIfAbsent(administrator.token(), token -> {
            Http.Answer created = Http.postJson("/api/v1/admin/tickets", "{\"product\":\"DESKTOP\",\"category\":\"Licensing\","
                    + "\"subject\":\"Ours\",\"description\":\"Only B sees this\"}", administrator.headers());
            assertEquals(201, created.status(), created.body());
            return created.json().getString("id");
        });
    }

    private static final Map<String, String> SCIM_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The id of a SCIM token of the administrator's account (O3), created once. */
    static String scimTokenOf(Members.Member administrator) {
        return SCIM_TOKENS.computeIfAbsent(administrator.token(), token -> {
            Http.Answer created = Http.postJson("/api/v1/admin/scim-tokens", "{\"name\":\"Entra ID\"}", administrator.headers());
            assertEquals(201, created.status(), created.body());
            return created.json().getString("id");
        });
    }

    @Test
    void everyRoleOfAUsingAnIdOfBGetsNotFoundAndNothingInBChanges() {
        TwoAccounts accounts = TwoAccounts.get();
        Side a = accounts.a;
        Side b = accounts.b;
        Profiles.of(b.administrator()); // before the snapshot: the rows name it
        scimTokenOf(b.administrator());
        ticketOf(b.administrator());
        String proxyOfB = Proxies.proxyIn(b.administrator(), "TM" + Integer.toHexString(System.identityHashCode(b)).substring(0, 4).toUpperCase());
        Map<String, String> before = snapshot(b);
        String unregisteredKey = Subscriptions.desktop(3).primaryKey();
        List<Executable> checks = new ArrayList<>();
        for (Map.Entry<String, Members.Member> caller : a.byRole().entrySet()) {
            for (Row row : rows(a, b, unregisteredKey, proxyOfB)) {
                if (!row.roles().contains(caller.getKey())) {
                    continue;
                }
                String[] headers = row.inAccountB()
                        ? new String[] {"Authorization", Http.bearer(caller.getValue().token()), "X-Account-Id", b.account().accountId()}
                        : caller.getValue().headers();
                Http.Answer answer = Http.call(row.method(), row.path(), row.body(), headers);
                String what = caller.getKey() + " of A: " + row.name() + " → " + answer.status() + " " + answer.body();
                checks.add(() -> assertEquals(404, answer.status(), what));
                checks.add(() -> assertEquals("NOT_FOUND", answer.errorCode(), what));
            }
        }
        assertAll(checks);
        assertEquals(before, snapshot(b), "nothing in B changed");
    }

    /**
     * Pages reach objects through the same services as the API rows above; the one page that takes an
     * id in its address, the subscription page, shows B's subscription as not found.
     */
    /**
     * The client API's row (issue 9): one activation's token opens only its own activation. Used with
     * another activation's id, of the same subscription or of another account, it answers 401 and
     * changes nothing: the other computer checks in and stays active.
     */
    @Test
    void anActivationTokenOpensNoOtherActivation_C3_C4() {
        Subscriptions.Issued mine = Subscriptions.desktop(3);
        Subscriptions.Issued theirs = Subscriptions.desktop(3);
        jakarta.json.JsonObject a = com.keyhold.it.support.Clients.activate(mine.primaryKey(),
                com.keyhold.it.support.Clients.newHardwareId()).json();
        jakarta.json.JsonObject sameSubscription = com.keyhold.it.support.Clients.activate(mine.primaryKey(),
                com.keyhold.it.support.Clients.newHardwareId()).json();
        jakarta.json.JsonObject otherAccount = com.keyhold.it.support.Clients.activate(theirs.primaryKey(),
                com.keyhold.it.support.Clients.newHardwareId()).json();
        String tokenOfA = a.getString("activationToken");
        List<Executable> checks = new ArrayList<>();
        for (jakarta.json.JsonObject victim : List.of(sameSubscription, otherAccount)) {
            String id = victim.getString("activationId");
            checks.add(() -> {
                Http.Answer checkIn = com.keyhold.it.support.Clients.checkIn(id, tokenOfA);
                assertEquals(401, checkIn.status(), checkIn.body());
                assertEquals("UNAUTHORIZED", checkIn.errorCode());
                Http.Answer deactivate = Http.call("DELETE", "/api/v1/client/activations/" + id, null,
                        "Authorization", Http.bearer(tokenOfA));
                assertEquals(401, deactivate.status(), deactivate.body());
                Http.Answer own = com.keyhold.it.support.Clients.checkIn(id, victim.getString("activationToken"));
                assertEquals(200, own.status(), own.body());
                assertEquals("ACTIVE", own.json().getString("status"), "the other computer is untouched");
            });
        }
        assertAll(checks);
    }

    @Test
    void aPageOpenedWithAnIdOfBShowsNotFound() {
        TwoAccounts accounts = TwoAccounts.get();
        String adminEmail = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", accounts.a.administrator().headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        try (Browser browser = new Browser()) {
            browser.signIn(adminEmail, Users.PASSWORD);
            browser.open("/app/subscription.xhtml?id=" + accounts.b.account().subscription().id());
            assertTrue(browser.find("notFound").isDisplayed());
            assertTrue(browser.driver().findElements(By.id("details")).isEmpty(), "nothing of B is rendered");
        }
    }

    /** What B's administrator sees of B: every list an attempt above could have changed. */
    private static Map<String, String> snapshot(Side b) {
        String[] headers = b.administrator().headers();
        Map<String, String> state = new java.util.HashMap<>(Map.of(
                "profile", Http.get("/api/v1/admin/accounts/current", headers).body(),
                "keys", Http.get("/api/v1/admin/subscriptions/" + b.account().subscription().id() + "/keys", headers).body(),
                "computers", Http.get("/api/v1/admin/computers?size=100&sort=name", headers).body(),
                "members", Http.get("/api/v1/admin/members", headers).body(),
                "invitations", Http.get("/api/v1/admin/members/invitations", headers).body(),
                "subscriptions", Http.get("/api/v1/admin/subscriptions", headers).body(),
                "configuration profiles", Http.get("/api/v1/admin/profiles", headers).body(),
                "proxy servers", Http.get("/api/v1/admin/proxies", headers).body(),
                "identity provider", Http.get("/api/v1/admin/identity-provider", headers).body(),
                "SCIM tokens", Http.get("/api/v1/admin/scim-tokens", headers).body()));
        state.put("support tickets", Http.get("/api/v1/admin/tickets", headers).body());
        state.put("B's ticket", Http.get("/api/v1/admin/tickets/" + ticketOf(b.administrator()), headers).body());
        return state;
    }

    private static String ids(String id) {
        return "{\"ids\":[\"" + id + "\"]}";
    }
}
