package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Users;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Membership through the admin API and the emails it sends (SPEC A4, A5, A7, A8, A10), the emails
 * read from the real SMTP server in the test JVM: recipient, language and a working link.
 */
@KeyholdIntegrationTest
class MembershipIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void a5InvitationEmailIsInTheChosenLanguageAndItsSingleUseLinkJoinsAsRegularMember() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("eingeladen");
        Http.Answer invited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + email + "\"],\"language\":\"DE\"}", Members.administrator(acme).headers());
        assertEquals(201, invited.status(), invited.body());
        assertEquals("PENDING", invited.json().getJsonArray("items").getJsonObject(0).getString("status"));

        Mailbox.Email mail = Mailbox.awaitTo(email, "Einladung");
        assertEquals("de", mail.language());
        assertTrue(mail.body().contains("beizutreten"), mail.body());
        String token = mail.token("/join.xhtml");
        Http.Answer page = Http.get(mail.link("/join.xhtml"));
        assertEquals(200, page.status(), "the link opens the join page");

        JsonObject preview = Http.postJson("/api/v1/invitations/preview", "{\"token\":\"" + token + "\"}").json();
        assertEquals(email, preview.getString("email"));
        assertEquals(false, preview.getBoolean("existingUser"));

        Http.Answer joined = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"firstName\":\"Erika\",\"lastName\":\"Muster\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, joined.status(), joined.body());
        JsonObject member = Http.get("/api/v1/admin/members?q=" + email, Members.administrator(acme).headers()).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals("REGULAR_MEMBER", member.getString("role"));

        Http.Answer again = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(409, again.status());
        assertEquals("CODE_ALREADY_USED", again.errorCode());
    }

    @Test
    void emailsAFailedSendIsRetriedAndShownUntilItGoesOut() throws InterruptedException {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("retried");
        GreenMail smtp = KeyholdServerExtension.server().smtp();
        smtp.stop();
        try {
            assertEquals(201, Http.postJson("/api/v1/admin/members/invitations",
                    "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}", Members.administrator(acme).headers()).status(),
                    "the invitation does not wait for the SMTP server");
            JsonObject failing = awaitInvitationEmail(acme, "RETRYING");
            assertTrue(failing.getString("emailError").contains("Exception"), failing.toString());
        } finally {
            smtp.start();
        }
        awaitInvitationEmail(acme, "SENT");
        Mailbox.awaitTo(email, "invited");
    }

    /** Polls the account's only invitation until its email reaches the delivery state (retries run every few seconds in tests). */
    private static JsonObject awaitInvitationEmail(Accounts.Business acme, String delivery) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        JsonObject invitation = null;
        while (System.nanoTime() < deadline) {
            invitation = Http.get("/api/v1/admin/members/invitations", Members.administrator(acme).headers()).json()
                    .getJsonArray("items").getJsonObject(0);
            if (delivery.equals(invitation.getString("emailDelivery", null))) {
                return invitation;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the invitation email did not become " + delivery + ": " + invitation);
    }

    @Test
    void a5AnExistingUserJoinsWithTheirPasswordOnly() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("existing");
        Users.signUp(email);
        Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                Members.administrator(acme).headers());
        Mailbox.Email mail = Mailbox.awaitTo(email, "invited");
        assertEquals("en", mail.language());
        String token = mail.token("/join.xhtml");

        Http.Answer wrong = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token + "\",\"password\":\"wrong password!\"}");
        assertEquals(400, wrong.status());
        assertEquals(0, Http.get("/api/v1/admin/members?q=" + email, Members.administrator(acme).headers()).json()
                .getJsonArray("items").size(), "a wrong password joins nobody");

        Http.Answer joined = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, joined.status(), joined.body());
        assertEquals(1, Http.get("/api/v1/admin/members?q=" + email, Members.administrator(acme).headers()).json()
                .getJsonArray("items").size());
    }

    @Test
    void a5GuessingAPasswordThroughAJoinLinkIsThrottledLikeSigningIn() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("guessed");
        Users.signUp(email);
        Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                Members.administrator(acme).headers());
        String token = Mailbox.awaitTo(email, "invited").token("/join.xhtml");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, Http.postJson("/api/v1/invitations/acceptance",
                    "{\"token\":\"" + token + "\",\"password\":\"guess number " + i + "\"}").status());
        }
        Http.Answer locked = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(429, locked.status(), locked.body());
        assertEquals("RATE_LIMITED", locked.errorCode());
    }

    @Test
    void a5AWithdrawnInvitationStopsWorkingAtOnce() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("withdrawn");
        String id = Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                Members.administrator(acme).headers()).json().getJsonArray("items").getJsonObject(0).getString("id");
        String token = Mailbox.awaitTo(email, "invited").token("/join.xhtml");
        assertEquals("REVOKED", Http.call("DELETE", "/api/v1/admin/members/invitations/" + id, null,
                Members.administrator(acme).headers()).json().getString("status"));
        Http.Answer late = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"firstName\":\"Too\",\"lastName\":\"Late\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(410, late.status());
        assertEquals("CODE_EXPIRED", late.errorCode());
    }

    @Test
    void a5InvalidEmailsInviteNobody() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String good = Users.uniqueEmail("good");
        Http.Answer refused = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + good + "\",\"not-an-email\"],\"language\":\"EN\"}", Members.administrator(acme).headers());
        assertEquals(400, refused.status());
        assertEquals("BAD_REQUEST", refused.errorCode());
        assertEquals(0, Http.get("/api/v1/admin/members/invitations", Members.administrator(acme).headers()).json()
                .getJsonArray("items").size());
    }

    @Test
    void a6ARoleChangeAppliesAtTheMembersNextRequest() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        assertEquals(403, Http.get("/api/v1/admin/computers", member.headers()).status());
        String primary = Http.get("/api/v1/admin/keys", Members.administrator(acme).headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        Members.setRole(acme, member, "LICENSE_ADMINISTRATOR", primary);
        assertEquals(200, Http.get("/api/v1/admin/computers", member.headers()).status(), "same token, next request");
        Members.setRole(acme, member, "REGULAR_MEMBER");
        assertEquals(403, Http.get("/api/v1/admin/computers", member.headers()).status());
    }

    @Test
    void a7BlockRefusesEverywhereTokensIncludedAndTellsTheMemberByEmail() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        Members.setRole(acme, member, "ACCOUNT_ADMINISTRATOR");
        assertEquals(200, Http.get("/api/v1/admin/subscriptions", member.headers()).status());

        Http.Answer blocked = Http.call("PATCH", "/api/v1/admin/members/" + member.userId(), "{\"blocked\":true}",
                Members.administrator(acme).headers());
        assertEquals("BLOCKED", blocked.json().getString("status"));
        Http.Answer refused = Http.get("/api/v1/admin/subscriptions", member.headers());
        assertEquals(403, refused.status());
        assertEquals("FORBIDDEN", refused.errorCode());
        assertTrue(Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(member.token())).body()
                .contains("\"items\":[{") , "the personal account is untouched");
        Mailbox.Email mail = Mailbox.awaitTo(member.email(), "blocked");
        assertTrue(mail.body().contains("blocked"), mail.body());

        Http.call("PATCH", "/api/v1/admin/members/" + member.userId(), "{\"blocked\":false}", Members.administrator(acme).headers());
        assertEquals(200, Http.get("/api/v1/admin/subscriptions", member.headers()).status(), "unblocked, allowed again");
        Mailbox.awaitTo(member.email(), "restored");
    }

    @Test
    void a7RemoveDeletesTheMembershipEmailsTheUserAndAllowsAReinvitation() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        assertEquals(204, Http.call("DELETE", "/api/v1/admin/members/" + member.userId(), null,
                Members.administrator(acme).headers()).status());
        assertEquals(404, Http.get("/api/v1/admin/accounts/current", member.headers()).status(), "no longer a member");
        Mailbox.awaitTo(member.email(), "removed");
        Http.Answer reinvited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + member.email() + "\"],\"language\":\"EN\"}", Members.administrator(acme).headers());
        assertEquals(201, reinvited.status(), reinvited.body());
    }

    @Test
    void a8TheLastActiveAdministratorCannotLeaveBeDemotedBlockedOrRemoved() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String[] admin = Members.administrator(acme).headers();
        String adminId = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", admin).json()
                .getJsonArray("items").getJsonObject(0).getString("userId");
        for (Http.Answer refused : new Http.Answer[] {
                Http.call("DELETE", "/api/v1/admin/members/me", null, admin),
                Http.call("PATCH", "/api/v1/admin/members/" + adminId, "{\"role\":\"REGULAR_MEMBER\"}", admin),
                Http.call("PATCH", "/api/v1/admin/members/" + adminId, "{\"blocked\":true}", admin),
                Http.call("DELETE", "/api/v1/admin/members/" + adminId, null, admin)}) {
            assertEquals(409, refused.status(), refused.body());
            assertEquals("LAST_ADMINISTRATOR", refused.errorCode());
        }
        assertEquals("ACCOUNT_ADMINISTRATOR", Http.get("/api/v1/admin/members/" + adminId, admin).json().getString("role"));

        Members.Member second = Members.join(acme);
        Members.setRole(acme, second, "ACCOUNT_ADMINISTRATOR");
        Http.call("PATCH", "/api/v1/admin/members/" + second.userId(), "{\"blocked\":true}", admin);
        assertEquals(409, Http.call("DELETE", "/api/v1/admin/members/me", null, admin).status(),
                "a blocked administrator does not count");
        Http.call("PATCH", "/api/v1/admin/members/" + second.userId(), "{\"blocked\":false}", admin);
        assertEquals(204, Http.call("DELETE", "/api/v1/admin/members/me", null, admin).status(), "another administrator remains");
        assertEquals(409, Http.call("DELETE", "/api/v1/admin/members/me", null, second.headers()).status());
    }

    @Test
    void a4TheBusinessProfileShowsTheCompanyAndAdministratorsAndOnlyAdministratorsEditIt() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = Members.join(acme);
        JsonObject profile = Http.get("/api/v1/admin/accounts/current", member.headers()).json();
        assertEquals("REGULAR_MEMBER", profile.getString("role"));
        assertEquals(1, profile.getJsonArray("administrators").size());
        assertTrue(profile.getString("supportCode").matches("\\d{5}-\\d{5}"));

        String edit = "{\"name\":\"Acme Renamed\",\"country\":\"AT\",\"zip\":\"1010\",\"phone\":\"+43 1\",\"city\":\"Wien\"}";
        assertEquals(403, Http.call("PATCH", "/api/v1/admin/accounts/current", edit, member.headers()).status());
        Http.Answer missingZip = Http.call("PATCH", "/api/v1/admin/accounts/current",
                "{\"name\":\"X\",\"country\":\"AT\",\"phone\":\"1\"}", Members.administrator(acme).headers());
        assertEquals(400, missingZip.status());
        assertEquals(profile.getJsonObject("company"), Http.get("/api/v1/admin/accounts/current", member.headers()).json()
                .getJsonObject("company"), "a refused edit changes nothing");
        Http.Answer edited = Http.call("PATCH", "/api/v1/admin/accounts/current", edit, Members.administrator(acme).headers());
        assertEquals(200, edited.status(), edited.body());
        assertEquals("Wien", Http.get("/api/v1/admin/accounts/current", member.headers()).json()
                .getJsonObject("company").getString("city"));
    }

    @Test
    void a10PasswordResetBySingleUseEmailLinkEvenWhileSignInIsThrottled() {
        String email = Users.uniqueEmail("forgetful");
        Users.signUp(email);
        for (int i = 0; i < 5; i++) {
            Http.postJson("/api/v1/auth/tokens", "{\"name\":\"x\"}", "Authorization", Http.basic(email, "wrong password " + i));
        }
        assertEquals(429, Http.postJson("/api/v1/auth/tokens", "{\"name\":\"x\"}", "Authorization",
                Http.basic(email, Users.PASSWORD)).status(), "locked for a while (A1)");

        assertEquals(202, Http.postJson("/api/v1/auth/password-resets", "{\"email\":\"" + email + "\"}").status());
        assertEquals(202, Http.postJson("/api/v1/auth/password-resets", "{\"email\":\"nobody-" + email + "\"}").status(),
                "an unknown email answers the same");
        Mailbox.Email mail = Mailbox.awaitTo(email, "Reset");
        assertEquals("en", mail.language());
        assertEquals(200, Http.get(mail.link("/reset-password.xhtml")).status(), "the link opens the reset page");
        String token = mail.token("/reset-password.xhtml");

        String newPassword = "a brand new passphrase";
        assertEquals(400, Http.postJson("/api/v1/auth/password-resets/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"short\"}").status());
        assertEquals(204, Http.postJson("/api/v1/auth/password-resets/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"" + newPassword + "\"}").status());
        assertEquals(201, Http.postJson("/api/v1/auth/tokens", "{\"name\":\"x\"}", "Authorization",
                Http.basic(email, newPassword)).status(), "the reset lifts the lock");
        assertEquals(401, Http.postJson("/api/v1/auth/tokens", "{\"name\":\"x\"}", "Authorization",
                Http.basic(email, Users.PASSWORD)).status(), "the old password is gone");
        Http.Answer reused = Http.postJson("/api/v1/auth/password-resets/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"yet another passphrase\"}");
        assertEquals(409, reused.status());
        assertEquals("CODE_ALREADY_USED", reused.errorCode());
    }
}
