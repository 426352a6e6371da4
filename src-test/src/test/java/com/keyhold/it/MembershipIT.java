package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Users;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Membership through the admin API and the emails it sends (SPEC A4, A5, A7, A8, A10), the emails
 * read from the real SMTP server in the test JVM: recipient, language and a working link. Expiry is
 * tested by dating a row back in the database: the API rightly offers no way to do it.
 */
@KeyholdIntegrationTest
class MembershipIT {

    private static final String RESET_PAGE = "/reset-password.xhtml";

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
    void a5AnInvitationExpiresSevenDaysAfterItIsSentAndThenJoinsNobody() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String email = Users.uniqueEmail("overdue");
        assertEquals(201, Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}", Members.administrator(acme).headers()).status());
        String token = Mailbox.awaitTo(email, "invited").token("/join.xhtml");
        JsonObject invitation = onlyInvitation(acme);
        assertEquals(Instant.parse(invitation.getString("createdAt")).plus(Duration.ofDays(7)),
                Instant.parse(invitation.getString("expiresAt")), "the default expiry is 7 days after sending");

        // Eight days later, as far as the invitation knows.
        assertEquals(1, update("UPDATE member_invitations SET created_at = created_at - INTERVAL 8 DAY,"
                + " expires_at = expires_at - INTERVAL 8 DAY WHERE id = ?", invitation.getString("id")));
        assertEquals("EXPIRED", onlyInvitation(acme).getString("status"));
        Http.Answer preview = Http.postJson("/api/v1/invitations/preview", "{\"token\":\"" + token + "\"}");
        assertEquals(410, preview.status(), preview.body());
        assertEquals("CODE_EXPIRED", preview.errorCode());
        Http.Answer late = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"firstName\":\"Too\",\"lastName\":\"Late\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(410, late.status(), late.body());
        assertEquals("CODE_EXPIRED", late.errorCode());
        assertEquals(0, Http.get("/api/v1/admin/members?q=" + email, Members.administrator(acme).headers()).json()
                .getJsonArray("items").size(), "no membership");
        assertEquals(0, number("SELECT COUNT(*) FROM users WHERE email_normalized = ?", email.toLowerCase()),
                "nor a user signed up through the expired link");
    }

    /** The account's one invitation as the administrators' list shows it. */
    private static JsonObject onlyInvitation(Accounts.Business acme) {
        return Http.get("/api/v1/admin/members/invitations", Members.administrator(acme).headers()).json()
                .getJsonArray("items").getJsonObject(0);
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
    void a7BlockRefusesEverywhereTokensIncludedAndTellsTheMemberByEmailInTheirLanguage() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = germanMember(acme);
        String name = accountName(acme);
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
        Mailbox.Email mail = Mailbox.awaitTo(member.email(), "gesperrt");
        assertGerman(mail, "Ihr Zugang zu " + name + " in Keyhold wurde gesperrt");
        assertTrue(mail.body().contains("hat Ihren Zugang in Keyhold gesperrt"), mail.body());

        Http.call("PATCH", "/api/v1/admin/members/" + member.userId(), "{\"blocked\":false}", Members.administrator(acme).headers());
        assertEquals(200, Http.get("/api/v1/admin/subscriptions", member.headers()).status(), "unblocked, allowed again");
        assertGerman(Mailbox.awaitTo(member.email(), "freigegeben"), "Ihr Zugang zu " + name + " in Keyhold ist wieder freigegeben");
    }

    @Test
    void a7RemoveDeletesTheMembershipEmailsTheUserInTheirLanguageAndAllowsAReinvitation() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Members.Member member = germanMember(acme);
        String name = accountName(acme);
        assertEquals(204, Http.call("DELETE", "/api/v1/admin/members/" + member.userId(), null,
                Members.administrator(acme).headers()).status());
        assertEquals(404, Http.get("/api/v1/admin/accounts/current", member.headers()).status(), "no longer a member");
        assertGerman(Mailbox.awaitTo(member.email(), "entfernt"), "Sie wurden aus " + name + " in Keyhold entfernt");
        Http.Answer reinvited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + member.email() + "\"],\"language\":\"EN\"}", Members.administrator(acme).headers());
        assertEquals(201, reinvited.status(), reinvited.body());
    }

    /**
     * A member whose own language is German: signed up in German, then invited in English (the
     * language the administrator chose is for the invitation email only) and joined with their
     * password. Later emails about the membership must follow the user's language (A1).
     */
    private static Members.Member germanMember(Accounts.Business acme) {
        String email = Users.uniqueEmail("mitglied");
        signUpInGerman(email);
        Http.Answer invited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}", Members.administrator(acme).headers());
        assertEquals(201, invited.status(), invited.body());
        String token = Mailbox.awaitTo(email, "invited").token("/join.xhtml");
        Http.Answer joined = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, joined.status(), joined.body());
        String userId = Http.get("/api/v1/admin/members?q=" + email, Members.administrator(acme).headers()).json()
                .getJsonArray("items").getJsonObject(0).getString("userId");
        return new Members.Member(email, userId, Users.tokenFor(email), acme.accountId());
    }

    /** Signs up a user whose preferred language is German and returns their id. */
    private static String signUpInGerman(String email) {
        Http.Answer answer = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Grete\","
                + "\"lastName\":\"Muster\",\"password\":\"" + Users.PASSWORD + "\",\"language\":\"DE\"}");
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("id");
    }

    /** The name the account's emails call it by, as the administrator's account list shows it. */
    private static String accountName(Accounts.Business acme) {
        return Http.get("/api/v1/admin/accounts", "Authorization", acme.bearer()).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream()
                .filter(account -> acme.accountId().equals(account.getString("id")))
                .findFirst().orElseThrow().getString("name");
    }

    /** The German template, and the mail says it is German. */
    private static void assertGerman(Mailbox.Email mail, String subject) {
        assertEquals("de", mail.language(), mail.subject());
        assertEquals(subject, mail.subject());
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

    /**
     * A8 under concurrency: two administrators demoting each other at the same instant. Each change
     * locks the account's administrators before counting them, so exactly one wins and one
     * administrator remains, whatever the interleaving (without the lock both could pass the count).
     */
    @Test
    void a8TwoAdministratorsDemotingEachOtherAtOnceLeaveExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            Accounts.Business acme = Accounts.withDesktopSubscription(5);
            String[] first = Members.administrator(acme).headers();
            String firstId = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", first).json()
                    .getJsonArray("items").getJsonObject(0).getString("userId");
            Members.Member second = Members.join(acme);
            Members.setRole(acme, second, "ACCOUNT_ADMINISTRATOR");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                CountDownLatch go = new CountDownLatch(1);
                Future<Http.Answer> a = pool.submit(() -> {
                    go.await();
                    return Http.call("PATCH", "/api/v1/admin/members/" + second.userId(), "{\"role\":\"REGULAR_MEMBER\"}", first);
                });
                Future<Http.Answer> b = pool.submit(() -> {
                    go.await();
                    return Http.call("PATCH", "/api/v1/admin/members/" + firstId, "{\"role\":\"REGULAR_MEMBER\"}",
                            second.headers());
                });
                go.countDown();
                Http.Answer firstDemotesSecond = a.get();
                Http.Answer secondDemotesFirst = b.get();
                List<Integer> statuses = Stream.of(firstDemotesSecond, secondDemotesFirst)
                        .map(Http.Answer::status).sorted().toList();
                // The loser is refused LAST_ADMINISTRATOR when both overlap, or FORBIDDEN when it arrives demoted.
                assertTrue(statuses.equals(List.of(200, 409)) || statuses.equals(List.of(200, 403)),
                        "one demotion wins, the other is refused: " + statuses);
                String[] winner = firstDemotesSecond.status() == 200 ? first : second.headers();
                assertEquals(1, Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", winner).json()
                        .getJsonArray("items").size(), "exactly one administrator remains");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A3: a user in two business accounts chooses one per call (X-Account-Id, as the page's selector
     * chooses it) and sees only that account's data; without a choice the API asks for one.
     */
    @Test
    void a3AUserInTwoBusinessAccountsSeesOnlyTheChosenOnesData() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Accounts.Business bolt = Accounts.withDesktopSubscription(3);
        String acmeComputer = Clients.activate(acme.subscription().primaryKey(), Clients.newHardwareId()).json()
                .getString("activationId");
        String boltComputer = Clients.activate(bolt.subscription().primaryKey(), Clients.newHardwareId()).json()
                .getString("activationId");
        String email = Users.uniqueEmail("two-accounts");
        Users.signUp(email);
        for (Accounts.Business account : List.of(acme, bolt)) {
            Http.postJson("/api/v1/admin/members/invitations", "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}",
                    Members.administrator(account).headers());
            String token = Mailbox.awaitTo(email, accountName(account)).token("/join.xhtml");
            assertEquals(200, Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                    + "\",\"password\":\"" + Users.PASSWORD + "\"}").status());
            String userId = Http.get("/api/v1/admin/members?q=" + email, Members.administrator(account).headers()).json()
                    .getJsonArray("items").getJsonObject(0).getString("userId");
            Members.setRole(account, new Members.Member(email, userId, null, account.accountId()), "ACCOUNT_ADMINISTRATOR");
        }
        String bearer = Http.bearer(Users.tokenFor(email));

        assertEquals(3, Http.get("/api/v1/admin/accounts", "Authorization", bearer).json().getJsonArray("items").size(),
                "the personal account and both business accounts");
        Http.Answer unchosen = Http.get("/api/v1/admin/computers", "Authorization", bearer);
        assertEquals(400, unchosen.status(), unchosen.body());
        assertEquals("BAD_REQUEST", unchosen.errorCode());
        for (var expected : Map.of(acme, acmeComputer, bolt, boltComputer).entrySet()) {
            String[] chosen = {"Authorization", bearer, "X-Account-Id", expected.getKey().accountId()};
            JsonObject computers = Http.get("/api/v1/admin/computers", chosen).json();
            assertEquals(1, computers.getInt("total"));
            assertEquals(expected.getValue(), computers.getJsonArray("items").getJsonObject(0).getString("id"));
            JsonObject subscriptions = Http.get("/api/v1/admin/subscriptions", chosen).json();
            assertEquals(1, subscriptions.getJsonArray("items").size());
            assertEquals(expected.getKey().subscription().id(),
                    subscriptions.getJsonArray("items").getJsonObject(0).getString("id"));
        }
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

    @Test
    void a10AResetLinkIsValidForOneHourAndAnExpiredOneChangesNothing() {
        String email = Users.uniqueEmail("vergesslich");
        String userId = signUpInGerman(email);
        assertEquals(202, requestReset(email).status());
        Mailbox.Email mail = Mailbox.awaitTo(email, "Passwort");
        assertGerman(mail, "Ihr Keyhold-Passwort zur\u00fccksetzen");
        assertTrue(mail.body().contains("gilt 60 Minuten"), mail.body());
        String token = mail.token(RESET_PAGE);
        assertEquals(Duration.ofHours(1), Duration.of(number("SELECT TIMESTAMPDIFF(MICROSECOND, created_at, expires_at)"
                + " FROM password_resets WHERE user_id = ?", userId), ChronoUnit.MICROS), "valid for one hour from the request");

        // An hour and a minute later, as far as the link knows.
        assertEquals(1, update("UPDATE password_resets SET created_at = created_at - INTERVAL 61 MINUTE,"
                + " expires_at = expires_at - INTERVAL 61 MINUTE WHERE user_id = ?", userId));
        Http.Answer late = confirmReset(token, "a passphrase set too late");
        assertEquals(410, late.status(), late.body());
        assertEquals("CODE_EXPIRED", late.errorCode());
        assertEquals(201, signIn(email, Users.PASSWORD).status(), "the old password still works");
        assertEquals(401, signIn(email, "a passphrase set too late").status(), "the expired link set nothing");
    }

    @Test
    void a10UsingOneResetLinkEndsTheUsersOtherLinks() throws InterruptedException {
        String email = Users.uniqueEmail("twice");
        String userId = Users.signUp(email);
        String older = requestResetToken(email, null);
        String newer = requestResetToken(email, older);
        assertEquals(204, confirmReset(newer, "the newer link passphrase").status());

        // The older email is still in the mailbox: it must not set a second password.
        Http.Answer stale = confirmReset(older, "the older link passphrase");
        assertEquals(409, stale.status(), stale.body());
        assertEquals("CODE_ALREADY_USED", stale.errorCode());
        assertEquals(0, number("SELECT COUNT(*) FROM password_resets WHERE user_id = ? AND used_at IS NULL", userId),
                "no link of the user is left to use");
        assertEquals(201, signIn(email, "the newer link passphrase").status(), "the older link changed nothing");
        assertEquals(401, signIn(email, "the older link passphrase").status());
    }

    private static Http.Answer requestReset(String email) {
        return Http.postJson("/api/v1/auth/password-resets", "{\"email\":\"" + email + "\"}");
    }

    private static Http.Answer confirmReset(String token, String newPassword) {
        return Http.postJson("/api/v1/auth/password-resets/confirmation",
                "{\"token\":\"" + token + "\",\"password\":\"" + newPassword + "\"}");
    }

    /** Signing in through the API (HTTP Basic for a personal token) says which password is the user's. */
    private static Http.Answer signIn(String email, String password) {
        return Http.postJson("/api/v1/auth/tokens", "{\"name\":\"x\"}", "Authorization", Http.basic(email, password));
    }

    /**
     * Asks for a reset link and returns its emailed token. Emails go out off the request thread, so
     * with an earlier link's email in the mailbox the new one is told apart by its token, not by order.
     */
    private static String requestResetToken(String email, String earlierToken) throws InterruptedException {
        assertEquals(202, requestReset(email).status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Optional<String> token = Mailbox.to(email).stream()
                    .filter(mail -> mail.subject().contains("Reset"))
                    .map(mail -> mail.token(RESET_PAGE))
                    .filter(t -> !t.equals(earlierToken))
                    .findFirst();
            if (token.isPresent()) {
                return token.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no new reset email to " + email + " within 20 s");
    }

    /** One number the database holds, for what the API rightly does not show. */
    private static long number(String sql, String parameter) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), sql);
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes rows directly, to let time pass for them; returns how many changed. */
    private static int update(String sql, String parameter) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
