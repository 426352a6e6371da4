package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The rules behind the Business Profile's Users tab (issue 12) through the admin API, which the
 * page's actions share: bulk Block, Unblock and Remove (SPEC A7, A8), Resend of an invitation to join
 * (A5, E2), and the company's country as an ISO 3166-1 code (A2, A4).
 */
@KeyholdIntegrationTest
class BusinessUsersIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    // --- bulk actions (A7, A8)

    @Test
    void a7BulkBlockChangesEveryAllowedMemberAndListsTheCallerAndStrangersAsRefused() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member first = Members.join(acme);
        Members.Member second = Members.join(acme);
        String adminId = adminUserId(acme);
        Accounts.Business other = Accounts.withDesktopSubscription(5);
        Members.Member stranger = Members.join(other);

        Http.Answer answer = bulk(acme, "block", first.userId(), second.userId(), adminId, stranger.userId());

        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(first.userId(), second.userId()), strings(answer.json(), "changed"));
        Map<String, JsonObject> refused = refusals(answer.json());
        assertEquals(2, refused.size(), answer.body());
        assertEquals("YOURSELF", refused.get(adminId).getString("reason"));
        // tenancy: a member of another account is refused exactly like an unknown id, and stays untouched
        assertEquals("NOT_A_MEMBER", refused.get(stranger.userId()).getString("reason"));
        JsonObject strangerRefusal = refused.get(stranger.userId());
        assertTrue(!strangerRefusal.containsKey("email") || strangerRefusal.isNull("email"), "nothing about them is told");
        assertEquals("ACTIVE", member(Members.administrator(other), stranger.userId()).getString("status"));

        assertEquals("BLOCKED", member(Members.administrator(acme), first.userId()).getString("status"));
        assertEquals("BLOCKED", member(Members.administrator(acme), second.userId()).getString("status"));
        assertEquals(403, Http.get("/api/v1/admin/accounts/current", first.headers()).status(), "blocked everywhere, tokens included");
        assertEquals("ACTIVE", member(Members.administrator(acme), adminId).getString("status"), "the caller stays");
        Mailbox.awaitTo(first.email(), "blocked");
        Mailbox.awaitTo(second.email(), "blocked");
        assertEquals(2, activity(acme, "MEMBER.BLOCKED"), "each change is in the activity log like a single one");

        // blocking again changes nobody: both already are
        Http.Answer again = bulk(acme, "block", first.userId(), second.userId());
        assertEquals(List.of(), strings(again.json(), "changed"));
        assertEquals(List.of(first.userId(), second.userId()), strings(again.json(), "unchanged"));
        assertEquals(2, activity(acme, "MEMBER.BLOCKED"));

        // unblock: the blocked one is unblocked, the active administrator is left as it is
        Http.Answer unblocked = bulk(acme, "unblock", first.userId(), adminId);
        assertEquals(List.of(first.userId()), strings(unblocked.json(), "changed"));
        assertEquals(List.of(adminId), strings(unblocked.json(), "unchanged"));
        assertEquals(200, Http.get("/api/v1/admin/accounts/current", first.headers()).status(), "allowed again");
        Mailbox.awaitTo(first.email(), "restored");
    }

    @Test
    void a8BulkRemoveOfEveryAdministratorKeepsTheCallerSoTheAccountKeepsAnActiveAdministrator() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String adminId = adminUserId(acme);
        Members.Member coAdmin = Members.join(acme);
        Members.setRole(acme, coAdmin, "ACCOUNT_ADMINISTRATOR");
        Members.Member member = Members.join(acme);

        // the co-administrator selects everybody, themselves included
        Http.Answer answer = Http.postJson("/api/v1/admin/members/actions/remove",
                "{\"userIds\":[\"" + adminId + "\",\"" + coAdmin.userId() + "\",\"" + member.userId() + "\"]}", coAdmin.headers());

        assertEquals(200, answer.status(), answer.body());
        assertEquals(List.of(adminId, member.userId()), strings(answer.json(), "changed"));
        assertEquals("YOURSELF", refusals(answer.json()).get(coAdmin.userId()).getString("reason"));
        assertTrue(refusals(answer.json()).get(coAdmin.userId()).getString("message").contains("Leave This Business Account"));
        List<JsonObject> left = Http.get("/api/v1/admin/members", coAdmin.headers()).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
        assertEquals(1, left.size());
        assertEquals(coAdmin.userId(), left.get(0).getString("userId"));
        assertEquals("ACCOUNT_ADMINISTRATOR", left.get(0).getString("role"));
        assertEquals("ACTIVE", left.get(0).getString("status"));
        assertEquals(404, Http.get("/api/v1/admin/accounts/current", member.headers()).status(), "removed: no longer a member");
        Mailbox.awaitTo(member.email(), "removed");
        assertEquals(2, activity(acme, "MEMBER.REMOVED", coAdmin.headers()));
    }

    @Test
    void a7OnlyAdministratorsActOnSeveralMembersAndAnEmptyOrUnknownActionIsAValidationError() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        Members.Member other = Members.join(acme);

        Http.Answer byMember = Http.postJson("/api/v1/admin/members/actions/block", "{\"userIds\":[\"" + other.userId() + "\"]}",
                member.headers());
        assertEquals(403, byMember.status(), byMember.body());
        assertEquals("ACTIVE", member(Members.administrator(acme), other.userId()).getString("status"));

        Http.Answer empty = bulk(acme, "block");
        assertEquals(400, empty.status());
        assertEquals("BAD_REQUEST", empty.errorCode());
        Http.Answer unknown = bulk(acme, "promote", other.userId());
        assertEquals(400, unknown.status());
        assertEquals("BAD_REQUEST", unknown.errorCode());
    }

    // --- Resend (A5, E2)

    @Test
    void a5ResendMailsANewLinkWithAFreshExpiryAndTheEarlierLinkStopsWorking() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("resent");
        Http.Answer invited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + email + "\"],\"language\":\"DE\"}", Members.administrator(acme).headers());
        assertEquals(201, invited.status(), invited.body());
        String firstId = invited.json().getJsonArray("items").getJsonObject(0).getString("id");
        String firstToken = Mailbox.awaitTo(email, "Einladung").token("/join.xhtml");

        Http.Answer resent = resend(acme, firstId);

        assertEquals(200, resent.status(), resent.body());
        String secondId = resent.json().getString("id");
        assertNotEquals(firstId, secondId);
        assertEquals("PENDING", resent.json().getString("status"));
        assertEquals("DE", resent.json().getString("language"), "in the language of the first email");
        assertEquals(email, resent.json().getString("email"));
        Mailbox.Email second = nthEmail(email, "Einladung", 2);
        assertEquals("de", second.language());
        String secondToken = second.token("/join.xhtml");
        assertNotEquals(firstToken, secondToken);

        Map<String, String> statuses = invitations(acme).stream()
                .collect(Collectors.toMap(i -> i.getString("id"), i -> i.getString("status")));
        assertEquals(Map.of(firstId, "REVOKED", secondId, "PENDING"), statuses);
        Http.Answer old = Http.postJson("/api/v1/invitations/preview", "{\"token\":\"" + firstToken + "\"}");
        assertEquals(410, old.status(), old.body());
        assertEquals("CODE_EXPIRED", old.errorCode());
        assertEquals(1, activity(acme, "MEMBER.INVITATION_RESENT"), "recorded like the other member actions");

        Http.Answer joined = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + secondToken
                + "\",\"firstName\":\"Neu\",\"lastName\":\"Gesendet\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, joined.status(), joined.body());

        // accepted now: nothing to resend
        Http.Answer afterJoin = resend(acme, secondId);
        assertEquals(409, afterJoin.status(), afterJoin.body());
        assertEquals("CODE_ALREADY_USED", afterJoin.errorCode());
        // withdrawn: invite again instead
        Http.Answer withdrawn = resend(acme, firstId);
        assertEquals(400, withdrawn.status(), withdrawn.body());
    }

    @Test
    void a5AnExpiredInvitationCanBeResentAndItsNewLinkWorksForSevenDays_E2() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("lapsed");
        String id = Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                Members.administrator(acme).headers()).json().getJsonArray("items").getJsonObject(0).getString("id");
        Mailbox.awaitTo(email, "invited");
        assertEquals(1, update("UPDATE member_invitations SET created_at = created_at - INTERVAL 8 DAY,"
                + " expires_at = expires_at - INTERVAL 8 DAY WHERE id = ?", id));
        assertEquals("EXPIRED", invitations(acme).get(0).getString("status"));

        Http.Answer resent = resend(acme, id);

        assertEquals(200, resent.status(), resent.body());
        assertEquals(java.time.Instant.parse(resent.json().getString("createdAt")).plus(java.time.Duration.ofDays(7)),
                java.time.Instant.parse(resent.json().getString("expiresAt")));
        String token = nthEmail(email, "invited", 2).token("/join.xhtml");
        Http.Answer preview = Http.postJson("/api/v1/invitations/preview", "{\"token\":\"" + token + "\"}");
        assertEquals(200, preview.status(), preview.body());
    }

    @Test
    void a5ResendIsForAdministratorsOfTheInvitationsOwnAccount_tenancy() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        String email = Users.uniqueEmail("guarded");
        String id = Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                Members.administrator(acme).headers()).json().getJsonArray("items").getJsonObject(0).getString("id");
        Accounts.Business other = Accounts.withDesktopSubscription(5);

        Http.Answer foreign = resend(other, id);
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("NOT_FOUND", foreign.errorCode());
        Http.Answer byMember = Http.postJson("/api/v1/admin/members/invitations/" + id + "/resend", "", member.headers());
        assertEquals(403, byMember.status(), byMember.body());
        assertEquals(List.of("PENDING"), invitations(acme).stream().filter(i -> i.getString("email").equals(email))
                .map(i -> i.getString("status")).toList(), "nothing was resent");
    }

    // --- the company's country (A2, A4)

    @Test
    void a4TheCompanysCountryIsEditedAsAnIsoCodeAndFreeTextIsAValidationErrorThatChangesNothing() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String[] admin = Members.administrator(acme).headers();
        for (String country : List.of("Austria", "at", "XX")) {
            Http.Answer refused = Http.call("PATCH", "/api/v1/admin/accounts/current",
                    "{\"name\":\"Acme AT\",\"country\":\"" + country + "\",\"zip\":\"1010\",\"phone\":\"+43 1\"}", admin);
            assertEquals(400, refused.status(), country + ": " + refused.body());
            assertEquals("BAD_REQUEST", refused.errorCode());
            JsonObject violation = refused.json().getJsonArray("violations").getJsonObject(0);
            assertEquals("company.country", violation.getString("field"));
            assertTrue(violation.getString("message").contains("ISO 3166-1 alpha-2"), violation.getString("message"));
        }
        assertEquals("DE", company(acme).getString("country"), "a refused edit changes nothing");

        Http.Answer edited = Http.call("PATCH", "/api/v1/admin/accounts/current",
                "{\"name\":\"Acme AT\",\"country\":\"AT\",\"zip\":\"1010\",\"phone\":\"+43 1\"}", admin);
        assertEquals(200, edited.status(), edited.body());
        assertEquals("AT", company(acme).getString("country"), "stored as the code");
    }

    @Test
    void a4ACountryStoredAsFreeTextBeforeCodesIsStillShownAsItWasTyped() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        assertEquals(1, update("UPDATE accounts SET company_country = 'Freistaat Bayern' WHERE id = ?", acme.accountId()));
        assertEquals("Freistaat Bayern", company(acme).getString("country"));
    }

    // --- helpers

    private static Http.Answer bulk(Accounts.Business account, String action, String... userIds) {
        String ids = java.util.Arrays.stream(userIds).map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return Http.postJson("/api/v1/admin/members/actions/" + action, "{\"userIds\":[" + ids + "]}",
                Members.administrator(account).headers());
    }

    private static Http.Answer resend(Accounts.Business account, String invitationId) {
        return Http.postJson("/api/v1/admin/members/invitations/" + invitationId + "/resend", "",
                Members.administrator(account).headers());
    }

    private static List<JsonObject> invitations(Accounts.Business account) {
        return Http.get("/api/v1/admin/members/invitations", Members.administrator(account).headers()).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static JsonObject member(Members.Member administrator, String userId) {
        Http.Answer answer = Http.get("/api/v1/admin/members/" + userId, administrator.headers());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static String adminUserId(Accounts.Business account) {
        return Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("userId");
    }

    private static JsonObject company(Accounts.Business account) {
        return Http.get("/api/v1/admin/accounts/current", Members.administrator(account).headers()).json().getJsonObject("company");
    }

    private static int activity(Accounts.Business account, String action) {
        return activity(account, action, Members.administrator(account).headers());
    }

    private static int activity(Accounts.Business account, String action, String... headers) {
        Http.Answer answer = Http.get("/api/v1/admin/activity?action=" + action, headers);
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getInt("total");
    }

    private static List<String> strings(JsonObject json, String field) {
        return json.getJsonArray(field).getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static Map<String, JsonObject> refusals(JsonObject json) {
        return json.getJsonArray("refused").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(r -> r.getString("userId"), Function.identity()));
    }

    /** Waits for the n-th email to this address whose subject contains the text, and answers it. */
    private static Mailbox.Email nthEmail(String email, String subject, int count) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(40);
        while (java.time.Instant.now().isBefore(deadline)) {
            List<Mailbox.Email> mails = Mailbox.to(email).stream().filter(m -> m.subject().contains(subject)).toList();
            assertTrue(mails.size() <= count, "more emails than sent: " + mails.size());
            if (mails.size() == count) {
                return mails.get(count - 1);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + count + " invitation emails to " + email);
    }

    private static int update(String sql, String parameter) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
