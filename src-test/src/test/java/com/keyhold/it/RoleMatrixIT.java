package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Profiles;
import com.keyhold.it.support.TwoAccounts;
import com.keyhold.it.support.TwoAccounts.Side;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The role matrix (SPEC A6, CONTRACT section 6): each role of one account × each admin API action →
 * allowed, FORBIDDEN (an object the caller may see, an action its role does not allow) or NOT_FOUND
 * (an object outside what the caller may see: for a license administrator, computers and keys of
 * keys they do not manage). The license administrator here manages the primary key and two keys made for
 * this test (one to move computers to, one for the administrator to delete), not the fixture's second key.
 *
 * <p>Roles run least privileged first. A row whose allowed action changes its object acts on an object of
 * its own per role (a computer activated just for that call, a key or member made for the row), so one
 * role's change cannot hide another role's answer; rows that delete run last of all.
 */
@KeyholdIntegrationTest
class RoleMatrixIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** An action and the status each role gets: administrator, license administrator, regular member. */
    record Action(String name, String method, Function<Fixture, String> path, Function<Fixture, String> body,
            int administrator, int licenseAdministrator, int regularMember) {
    }

    /**
     * The fixture's side and what the rows below add to it: two more keys the license administrator
     * manages, a key nobody but administrators manages, and members to change, block and remove.
     */
    record Fixture(Side side, String ownSecondKeyId, String ownSpareKeyId, String spareKeyId, Members.Member roleChanged,
            Members.Member blocked, Members.Member removed) {

        static Fixture of(Side side) {
            Accounts.Business account = side.account();
            String ownSecond = account.createKey("License administrator's second key", "DYNAMIC", 5).getString("id");
            String ownSpare = account.createKey("License administrator's spare key", "DYNAMIC", 1).getString("id");
            String spare = account.createKey("Spare key", "DYNAMIC", 1).getString("id");
            Members.setRole(account, side.licenseAdministrator(), "LICENSE_ADMINISTRATOR", side.primaryKeyId(), ownSecond,
                    ownSpare);
            return new Fixture(side, ownSecond, ownSpare, spare, Members.join(account), Members.join(account),
                    Members.join(account));
        }

        Accounts.Business account() {
            return side.account();
        }

        Members.Member administrator() {
            return side.administrator();
        }

        Members.Member regularMember() {
            return side.regularMember();
        }

        String primaryKeyId() {
            return side.primaryKeyId();
        }

        String secondKeyId() {
            return side.secondKeyId();
        }

        String computerOnPrimary() {
            return side.computerOnPrimary();
        }

        String computerOnSecond() {
            return side.computerOnSecond();
        }

        /** A computer activated just now on the primary key (a key the license administrator manages). */
        String freshComputer() {
            Http.Answer activated = Clients.activate(side.account().subscription().primaryKey(), Clients.newHardwareId());
            assertEquals(201, activated.status(), activated.body());
            return activated.json().getString("activationId");
        }

        /** A computer activated just now on the primary key and blacklisted there by an administrator. */
        String freshBlacklistedComputer() {
            String id = freshComputer();
            Http.Answer blacklisted = Http.postJson("/api/v1/admin/computers/actions/blacklist", ids(id),
                    side.administrator().headers());
            assertEquals(200, blacklisted.status(), blacklisted.body());
            return id;
        }
    }

    static List<Action> actions() {
        return List.of(
                new Action("list subscriptions", "GET", s -> "/api/v1/admin/subscriptions", s -> null, 200, 403, 403),
                new Action("see a subscription", "GET", s -> "/api/v1/admin/subscriptions/" + s.account().subscription().id(),
                        s -> null, 200, 403, 403),
                new Action("list a subscription's keys", "GET",
                        s -> "/api/v1/admin/subscriptions/" + s.account().subscription().id() + "/keys", s -> null, 200, 403, 403),
                // A key they do not manage is outside what a license administrator may see (A6): NOT_FOUND.
                new Action("change another key", "PATCH", s -> "/api/v1/admin/keys/" + s.secondKeyId(),
                        s -> "{\"name\":\"Second key\"}", 200, 404, 403),
                new Action("change their own key", "PATCH", s -> "/api/v1/admin/keys/" + s.primaryKeyId(),
                        s -> "{\"name\":\"Primary\"}", 200, 403, 403),
                new Action("list managed keys", "GET", s -> "/api/v1/admin/keys", s -> null, 200, 200, 403),
                new Action("list computers", "GET", s -> "/api/v1/admin/computers", s -> null, 200, 200, 403),
                new Action("export computers", "GET", s -> "/api/v1/admin/computers/export.csv", s -> null, 200, 200, 403),
                new Action("see a computer of their key", "GET", s -> "/api/v1/admin/computers/" + s.computerOnPrimary(),
                        s -> null, 200, 200, 403),
                new Action("see a computer of another key", "GET", s -> "/api/v1/admin/computers/" + s.computerOnSecond(),
                        s -> null, 200, 404, 403),
                new Action("describe a computer of their key", "PATCH", s -> "/api/v1/admin/computers/" + s.computerOnPrimary(),
                        s -> "{\"alias\":\"Reception Mac\"}", 200, 200, 403),
                // What a license administrator may do to their keys' computers (A6, C4, C5, C8): each call a computer of its own.
                new Action("deactivate a computer of their key", "POST", s -> "/api/v1/admin/computers/actions/deactivate",
                        s -> ids(s.freshComputer()), 200, 200, 403),
                new Action("blacklist a computer of their key", "POST", s -> "/api/v1/admin/computers/actions/blacklist",
                        s -> ids(s.freshComputer()), 200, 200, 403),
                new Action("unblacklist a computer of their key", "POST", s -> "/api/v1/admin/computers/actions/unblacklist",
                        s -> ids(s.freshBlacklistedComputer()), 200, 200, 403),
                new Action("move a computer between their keys", "POST", s -> "/api/v1/admin/computers/actions/move",
                        s -> "{\"ids\":[\"" + s.freshComputer() + "\"],\"targetKeyId\":\"" + s.ownSecondKeyId() + "\"}",
                        200, 200, 403),
                new Action("move a computer to another key", "POST", s -> "/api/v1/admin/computers/actions/move",
                        s -> "{\"ids\":[\"" + s.computerOnPrimary() + "\"],\"targetKeyId\":\"" + s.secondKeyId() + "\"}",
                        200, 404, 403),
                new Action("blacklist a computer of another key", "POST", s -> "/api/v1/admin/computers/actions/blacklist",
                        s -> "{\"ids\":[\"" + s.computerOnSecond() + "\"]}", 200, 404, 403),
                new Action("list members", "GET", s -> "/api/v1/admin/members", s -> null, 200, 403, 403),
                new Action("see a member", "GET", s -> "/api/v1/admin/members/" + s.regularMember().userId(), s -> null,
                        200, 403, 403),
                new Action("change a member's notes", "PATCH", s -> "/api/v1/admin/members/" + s.regularMember().userId(),
                        s -> "{\"notes\":\"Design team\"}", 200, 403, 403),
                new Action("invite members", "POST", s -> "/api/v1/admin/members/invitations",
                        s -> "{\"emails\":[\"" + Users.uniqueEmail("invitee") + "\"],\"language\":\"EN\"}", 201, 403, 403),
                new Action("list invitations", "GET", s -> "/api/v1/admin/members/invitations", s -> null, 200, 403, 403),
                new Action("read the activity log", "GET", s -> "/api/v1/admin/activity", s -> null, 200, 403, 403),
                new Action("export the activity log", "GET", s -> "/api/v1/admin/activity/export.csv", s -> null, 200, 403, 403),
                new Action("see the business profile", "GET", s -> "/api/v1/admin/accounts/current", s -> null, 200, 200, 200),
                new Action("edit the company", "PATCH", s -> "/api/v1/admin/accounts/current",
                        RoleMatrixIT::sameCompany, 200, 403, 403),
                // Configuration profiles (P1): account administrators only, license administrators included in the refusal.
                new Action("list configuration profiles", "GET", s -> "/api/v1/admin/profiles", s -> null, 200, 403, 403),
                new Action("see a configuration profile", "GET", s -> "/api/v1/admin/profiles/" + Profiles.of(s.administrator()),
                        s -> null, 200, 403, 403),
                new Action("create a configuration profile", "POST", s -> "/api/v1/admin/profiles",
                        s -> Profiles.body("Role matrix " + java.util.UUID.randomUUID()), 201, 403, 403),
                new Action("change a configuration profile", "PUT", s -> "/api/v1/admin/profiles/" + Profiles.of(s.administrator()),
                        s -> Profiles.body("Role matrix profile"), 200, 403, 403),
                new Action("apply a configuration profile to their own key", "PATCH", s -> "/api/v1/admin/keys/" + s.primaryKeyId(),
                        s -> "{\"profileId\":\"" + Profiles.of(s.administrator()) + "\"}", 200, 403, 403),
                new Action("delete a configuration profile", "DELETE", s -> "/api/v1/admin/profiles/" + Profiles.fresh(s.administrator()),
                        s -> null, 200, 403, 403),
                // Account administrators only (A6): keys and members. Each row acts on an object made for it.
                new Action("create a key", "POST", s -> "/api/v1/admin/subscriptions/" + s.account().subscription().id() + "/keys",
                        s -> "{\"name\":\"Made in the role matrix\",\"type\":\"DYNAMIC\",\"quota\":1}", 201, 403, 403),
                new Action("change a member's role", "PATCH", s -> "/api/v1/admin/members/" + s.roleChanged().userId(),
                        s -> "{\"role\":\"LICENSE_ADMINISTRATOR\",\"keyIds\":[\"" + s.primaryKeyId() + "\"]}", 200, 403, 403),
                new Action("block a member", "PATCH", s -> "/api/v1/admin/members/" + s.blocked().userId(),
                        s -> "{\"blocked\":true}", 200, 403, 403),
                // The administrator's 204 also shows that the refused calls before it left the member in place.
                new Action("remove a member", "DELETE", s -> "/api/v1/admin/members/" + s.removed().userId(), s -> null,
                        204, 403, 403),
                // Last, so that no other row loses a key; the administrator's 200 shows the refusals deleted nothing.
                new Action("delete their own key", "DELETE", s -> "/api/v1/admin/keys/" + s.ownSpareKeyId(), s -> null,
                        200, 403, 403),
                new Action("delete another key", "DELETE", s -> "/api/v1/admin/keys/" + s.spareKeyId(), s -> null,
                        200, 404, 403));
    }

    @Test
    void eachRoleIsAllowedOrRefusedEachActionAsA6Says() {
        Fixture fixture = Fixture.of(TwoAccounts.side());
        List<Executable> checks = new ArrayList<>();
        // Least privileged first, so that an administrator's allowed change cannot hide another role's refusal.
        for (String role : List.of("REGULAR_MEMBER", "LICENSE_ADMINISTRATOR", "ACCOUNT_ADMINISTRATOR")) {
            Members.Member caller = fixture.side().byRole().get(role);
            for (Action action : actions()) {
                int expected = switch (role) {
                    case "ACCOUNT_ADMINISTRATOR" -> action.administrator();
                    case "LICENSE_ADMINISTRATOR" -> action.licenseAdministrator();
                    default -> action.regularMember();
                };
                String path = action.path().apply(fixture);
                Http.Answer answer = Http.call(action.method(), path, action.body().apply(fixture), caller.headers());
                String what = role + ": " + action.name() + " → " + answer.status() + " " + answer.body();
                checks.add(() -> assertEquals(expected, answer.status(), what));
                if (expected == 200 && answer.status() == 200 && path.startsWith("/api/v1/admin/computers/actions/")) {
                    // Every computer action here names one computer that the allowed call changes.
                    checks.add(() -> assertEquals(1, answer.json().getInt("changed"), what));
                }
                if (expected == 403) {
                    checks.add(() -> assertEquals("FORBIDDEN", answer.errorCode(), what));
                } else if (expected == 404) {
                    checks.add(() -> assertEquals("NOT_FOUND", answer.errorCode(), what));
                }
            }
        }
        assertAll(checks);
    }

    @Test
    void aLicenseAdministratorListsOnlyTheirKeysAndTheirComputers() {
        Side side = TwoAccounts.get().a;
        String[] headers = side.licenseAdministrator().headers();
        List<String> keys = Http.get("/api/v1/admin/keys", headers).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertEquals(List.of(side.primaryKeyId()), keys);
        JsonObject computers = Http.get("/api/v1/admin/computers?size=100", headers).json();
        assertEquals(1, computers.getInt("total"), computers.toString());
        assertAll(computers.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(c -> () -> assertEquals(side.primaryKeyId(), c.getString("keyId"), c.toString())));
        assertEquals(2, Http.get("/api/v1/admin/keys", side.administrator().headers()).json().getJsonArray("items").size());
    }

    private static String sameCompany(Fixture fixture) {
        JsonObject company = Http.get("/api/v1/admin/accounts/current", fixture.administrator().headers()).json()
                .getJsonObject("company");
        return company.toString();
    }

    private static String ids(String computerId) {
        return "{\"ids\":[\"" + computerId + "\"]}";
    }
}
