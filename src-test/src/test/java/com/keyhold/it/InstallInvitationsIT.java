package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Users;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Invitations to install (SPEC I1–I4, E2; CONTRACT sections 2, 6, 7) through the real API, email
 * and database.
 */
@KeyholdIntegrationTest
class InstallInvitationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void invitedAddressesGetAPersonalCodeByEmailAndInvalidOnesAreListedBack_I1_I2() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String keyId = acme.createKey("Design", "RESERVED", 2).getString("id");
        String anna = Users.uniqueEmail("anna");
        String ben = Users.uniqueEmail("ben");

        Http.Answer invited = invite(acme, keyId, List.of(anna, "not an email", ben, anna.toUpperCase()), "DE", 7, true);

        assertEquals(201, invited.status(), invited.body());
        List<JsonObject> items = invited.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of(anna, ben), items.stream().map(i -> i.getString("email")).toList());
        for (JsonObject item : items) {
            assertTrue(item.getString("code").matches("INV-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), item.toString());
            assertTrue(item.getString("downloadUrl").endsWith("/downloads/desktop"), item.toString());
            assertEquals("PENDING", item.getString("status"));
        }
        List<JsonObject> rejected = invited.json().getJsonArray("rejected").getValuesAs(JsonObject.class);
        assertEquals(List.of("not an email", anna.toUpperCase()), rejected.stream().map(r -> r.getString("email")).toList());

        Mailbox.Email mail = Mailbox.awaitTo(anna, "Aktivierungscode");
        assertEquals("de", mail.language());
        assertTrue(mail.body().contains(items.get(0).getString("code")), "the personal code: " + mail.body());
        assertTrue(mail.body().contains("/downloads/desktop"), mail.body());
        assertFalse(mail.body().contains(acme.subscription().primaryKey()), "the key is never revealed");

        Http.Answer listed = Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", acme.bearer());
        assertEquals(200, listed.status(), listed.body());
        assertEquals(2, listed.json().getJsonArray("items").size());
        assertFalse(listed.body().contains("INV-"), "a list never shows the codes: " + listed.body());
        assertEquals("1", activityCount(acme.accountId(), "INSTALL.INVITED"));
    }

    @Test
    void aCodeActivatesOneComputerOnceAndShowsTheInvitedEmail_I3() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String keyId = acme.createKey("Lab", "RESERVED", 2).getString("id");
        String email = Users.uniqueEmail("clara");
        JsonObject invitation = only(invite(acme, keyId, List.of(email), "EN", 3, false));
        String code = invitation.getString("code");
        String hardwareId = Clients.newHardwareId();

        Http.Answer first = Clients.activate(code.toLowerCase().replace("-", " "), hardwareId);
        assertEquals(201, first.status(), "typed loosely, as Crockford allows: " + first.body());
        assertEquals("Lab", first.json().getString("keyName"));
        assertFalse(first.body().contains(acme.subscription().primaryKey()), "the key is never revealed");

        Http.Answer again = Clients.activate(code, hardwareId);
        assertEquals(200, again.status(), "the same computer may retry: " + again.body());
        Http.Answer other = Clients.activate(code, Clients.newHardwareId());
        assertEquals(409, other.status(), other.body());
        assertEquals("CODE_ALREADY_USED", other.errorCode());

        JsonObject computer = acme.computer(first.json().getString("activationId"));
        assertEquals(email, computer.getString("activatedBy"), computer.toString());
        assertEquals(keyId, computer.getString("keyId"));
        Http.Answer listed = Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", acme.bearer());
        assertEquals("USED", listed.json().getJsonArray("items").getJsonObject(0).getString("status"));
    }

    @Test
    void revokedAndResentCodesStopWorkingAndTheNewCodeWorks_I4() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String keyId = acme.createKey("Office", "RESERVED", 3).getString("id");
        String dora = Users.uniqueEmail("dora");
        String emil = Users.uniqueEmail("emil");
        List<JsonObject> items = invite(acme, keyId, List.of(dora, emil), "EN", 14, true).json().getJsonArray("items")
                .getValuesAs(JsonObject.class);

        assertEquals(204, Http.call("DELETE", "/api/v1/admin/invitations/" + items.get(0).getString("id"), null,
                "Authorization", acme.bearer()).status());
        Http.Answer revoked = Clients.activate(items.get(0).getString("code"), Clients.newHardwareId());
        assertEquals(404, revoked.status(), revoked.body());
        assertEquals("INVALID_KEY", revoked.errorCode());

        Mailbox.awaitTo(emil, "activation code");
        Http.Answer resent = Http.postJson("/api/v1/admin/invitations/" + items.get(1).getString("id") + "/resend", "",
                "Authorization", acme.bearer());
        assertEquals(200, resent.status(), resent.body());
        assertFalse(resent.body().contains("INV-"), "the new code goes by email only");
        Http.Answer oldCode = Clients.activate(items.get(1).getString("code"), Clients.newHardwareId());
        assertEquals("INVALID_KEY", oldCode.errorCode(), "the replaced code stops working");
        String newCode = latestCode(emil, items.get(1).getString("code"));
        assertEquals(201, Clients.activate(newCode, Clients.newHardwareId()).status());

        List<String> statuses = Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", acme.bearer()).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("status")).sorted().toList();
        assertEquals(List.of("REVOKED", "USED"), statuses);
    }

    /** E2: the expiry instant decides, whatever the sweep; the sweep records it, and a second run changes nothing. */
    @Test
    void aCodeStopsAtItsExpiryInstantAndTheSweepMarksItOnce_I3_E2() throws Exception {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        String keyId = acme.createKey("Temp", "RESERVED", 1).getString("id");
        JsonObject invitation = only(invite(acme, keyId, List.of(Users.uniqueEmail("late")), "EN", 1, false));
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement expire = db.prepareStatement("UPDATE install_invitations SET expires_at = ? WHERE id = ?")) {
            expire.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(120)));
            expire.setString(2, invitation.getString("id"));
            assertEquals(1, expire.executeUpdate());
        }
        Http.Answer expired = Clients.activate(invitation.getString("code"), Clients.newHardwareId());
        assertEquals(410, expired.status(), "before any sweep: " + expired.body());
        assertEquals("CODE_EXPIRED", expired.errorCode());
        assertEquals("EXPIRED", Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", acme.bearer())
                .json().getJsonArray("items").getJsonObject(0).getString("status"));

        String operator = Http.bearer(KeyholdServerExtension.server().operatorToken());
        Http.Answer swept = Http.postJson("/api/v1/operator/sweeps/invitations", "", "Authorization", operator);
        assertEquals(200, swept.status(), swept.body());
        assertTrue(swept.json().getInt("processed") >= 1, swept.body());
        String markedAt = expiredAt(invitation.getString("id"));
        assertNotNull(markedAt, "the sweep marked it");
        assertEquals(200, Http.postJson("/api/v1/operator/sweeps/invitations", "", "Authorization", operator).status());
        assertEquals(markedAt, expiredAt(invitation.getString("id")), "a second run changes nothing");

        assertEquals(404, Http.postJson("/api/v1/operator/sweeps/nonsense", "", "Authorization", operator).status());
        assertEquals(401, Http.postJson("/api/v1/operator/sweeps/invitations", "", "Authorization", acme.bearer()).status(),
                "a customer token runs no sweep");
    }

    /** 500 invitations for a key with 10 free seats, all redeemed at once: first come, first served (I3). */
    @Test
    void fiveHundredCodesForTenSeatsActivateExactlyTen_I3() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        String keyId = primaryKeyId(acme);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            emails.add("crowd-" + i + "-" + Users.uniqueEmail("x"));
        }
        Http.Answer invited = invite(acme, keyId, emails, "EN", 7, false);
        assertEquals(201, invited.status(), invited.body());
        List<String> codes = invited.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getString("code")).toList();
        assertEquals(500, codes.size());
        List<Callable<String>> redemptions = new ArrayList<>();
        for (String code : codes) {
            redemptions.add(() -> {
                Http.Answer answer = Clients.activate(code, Clients.newHardwareId());
                return answer.status() + (answer.status() >= 400 ? " " + answer.errorCode() : "");
            });
        }
        Map<String, Long> outcomes = Concurrently.run(redemptions).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of("201", 10L, "409 NO_SEATS_AVAILABLE", 490L), outcomes);
        assertEquals(10, acme.computers("?status=ACTIVE").json().getInt("total"));
        long used = Http.get("/api/v1/admin/keys/" + keyId + "/invitations", "Authorization", acme.bearer()).json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(i -> i.getString("status").equals("USED")).count();
        assertEquals(10, used, "exactly the codes that activated are used");
    }

    /** I1: license administrators invite for their own keys only; regular members not at all; other accounts' keys are not found. */
    @Test
    void whoMayInvite_I1_A6() {
        Accounts.Business acme = Accounts.withDesktopSubscription(5);
        Accounts.Business other = Accounts.withDesktopSubscription(5);
        String own = acme.createKey("Own", "RESERVED", 1).getString("id");
        String notOwn = acme.createKey("NotOwn", "RESERVED", 1).getString("id");
        Members.Member licenseAdmin = Members.join(acme);
        Members.setRole(acme, licenseAdmin, "LICENSE_ADMINISTRATOR", own);
        Members.Member regular = Members.join(acme);
        String body = "{\"emails\":[\"someone@example.com\"],\"language\":\"EN\",\"expiresInDays\":7,\"send\":false}";

        assertEquals(201, Http.postJson("/api/v1/admin/keys/" + own + "/invitations", body, licenseAdmin.headers()).status());
        assertEquals(404, Http.postJson("/api/v1/admin/keys/" + notOwn + "/invitations", body, licenseAdmin.headers()).status());
        assertEquals(403, Http.postJson("/api/v1/admin/keys/" + own + "/invitations", body, regular.headers()).status());
        assertEquals(404, Http.postJson("/api/v1/admin/keys/" + primaryKeyId(other) + "/invitations", body,
                "Authorization", acme.bearer()).status(), "another account's key");
        String theirInvitation = only(invite(other, primaryKeyId(other), List.of(Users.uniqueEmail("theirs")), "EN", 7, false))
                .getString("id");
        assertEquals(404, Http.call("DELETE", "/api/v1/admin/invitations/" + theirInvitation, null, "Authorization",
                acme.bearer()).status());
        assertEquals(404, Http.postJson("/api/v1/admin/invitations/" + theirInvitation + "/resend", "", "Authorization",
                acme.bearer()).status());
        Http.Answer badExpiry = Http.postJson("/api/v1/admin/keys/" + own + "/invitations",
                "{\"emails\":[\"a@example.com\"],\"language\":\"EN\",\"expiresInDays\":5}", "Authorization", acme.bearer());
        assertEquals(400, badExpiry.status(), badExpiry.body());
    }

    @Test
    void theDownloadLinkNamesTheProductAndSaysWhatToDo() {
        Http.Answer page = Http.get("/downloads/desktop");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Ask your administrator"), page.body());
        Http.Answer unknown = Http.get("/downloads/nothing_here");
        assertEquals(200, unknown.status());
        assertTrue(unknown.body().contains("no product at this address"), unknown.body());
    }

    private static Http.Answer invite(Accounts.Business account, String keyId, List<String> emails, String language, int days,
            boolean send) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        emails.forEach(list::add);
        return Http.postJson("/api/v1/admin/keys/" + keyId + "/invitations", Json.createObjectBuilder().add("emails", list)
                .add("language", language).add("expiresInDays", days).add("send", send).build().toString(),
                "Authorization", account.bearer());
    }

    private static JsonObject only(Http.Answer invited) {
        assertEquals(201, invited.status(), invited.body());
        assertEquals(1, invited.json().getJsonArray("items").size(), invited.body());
        return invited.json().getJsonArray("items").getJsonObject(0);
    }

    private static String primaryKeyId(Accounts.Business account) {
        return Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys", "Authorization", account.bearer())
                .json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow().getString("id");
    }

    /** The code of the newest invitation email to this address that is not {@code previous}. */
    private static String latestCode(String email, String previous) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Mailbox.Email mail : Mailbox.to(email)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("INV-[0-9A-Z-]{19}").matcher(mail.body());
                if (m.find() && !m.group().equals(previous)) {
                    return m.group();
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no second invitation email to " + email);
    }

    private static String expiredAt(String invitationId) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement read = db.prepareStatement("SELECT expired_at FROM install_invitations WHERE id = ?")) {
            read.setString(1, invitationId);
            try (ResultSet row = read.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static String activityCount(String accountId, String action) {
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement read = db.prepareStatement("SELECT COUNT(*) FROM activity_log WHERE account_id = ? AND action = ?")) {
            read.setString(1, accountId);
            read.setString(2, action);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
