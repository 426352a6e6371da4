package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
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
 * keys they do not manage). The license administrator here manages the primary key only.
 */
@KeyholdIntegrationTest
class RoleMatrixIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** An action and the status each role gets: administrator, license administrator, regular member. */
    record Action(String name, String method, Function<Side, String> path, Function<Side, String> body,
            int administrator, int licenseAdministrator, int regularMember) {
    }

    static List<Action> actions() {
        return List.of(
                new Action("list subscriptions", "GET", s -> "/api/v1/admin/subscriptions", s -> null, 200, 403, 403),
                new Action("see a subscription", "GET", s -> "/api/v1/admin/subscriptions/" + s.account().subscription().id(),
                        s -> null, 200, 403, 403),
                new Action("list a subscription's keys", "GET",
                        s -> "/api/v1/admin/subscriptions/" + s.account().subscription().id() + "/keys", s -> null, 200, 403, 403),
                new Action("change another key", "PATCH", s -> "/api/v1/admin/keys/" + s.secondKeyId(),
                        s -> "{\"name\":\"Second key\"}", 200, 403, 403),
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
                new Action("see the business profile", "GET", s -> "/api/v1/admin/accounts/current", s -> null, 200, 200, 200),
                new Action("edit the company", "PATCH", s -> "/api/v1/admin/accounts/current",
                        RoleMatrixIT::sameCompany, 200, 403, 403));
    }

    @Test
    void eachRoleIsAllowedOrRefusedEachActionAsA6Says() {
        Side side = TwoAccounts.side();
        List<Executable> checks = new ArrayList<>();
        // Least privileged first, so that an administrator's allowed change cannot hide another role's refusal.
        for (String role : List.of("REGULAR_MEMBER", "LICENSE_ADMINISTRATOR", "ACCOUNT_ADMINISTRATOR")) {
            Members.Member caller = side.byRole().get(role);
            for (Action action : actions()) {
                int expected = switch (role) {
                    case "ACCOUNT_ADMINISTRATOR" -> action.administrator();
                    case "LICENSE_ADMINISTRATOR" -> action.licenseAdministrator();
                    default -> action.regularMember();
                };
                Http.Answer answer = Http.call(action.method(), action.path().apply(side), action.body().apply(side),
                        caller.headers());
                String what = role + ": " + action.name() + " → " + answer.status() + " " + answer.body();
                checks.add(() -> assertEquals(expected, answer.status(), what));
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

    private static String sameCompany(Side side) {
        JsonObject company = Http.get("/api/v1/admin/accounts/current", side.administrator().headers()).json()
                .getJsonObject("company");
        return company.toString();
    }
}
