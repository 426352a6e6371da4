package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * License keys through the admin REST API (CONTRACT section 6) and what they mean to the desktop
 * client (section 2): the seat pool and its keys (SPEC L4–L8), moves between keys (C1), tenancy.
 */
@KeyholdIntegrationTest
class KeyManagementIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String COMPANY = "\"company\":{\"name\":\"Acme\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}";
    private static final String KEY_FORMAT = "[0-9A-HJKMNP-TV-Z]{6}(-[0-9A-HJKMNP-TV-Z]{6}){4}";

    /** A subscription registered to a fresh user's new business account, with that user's API token. */
    private record Owned(String token, Subscriptions.Issued subscription) {

        String id() {
            return subscription.id();
        }

        String primaryKey() {
            return subscription.primaryKey();
        }
    }

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void keysTableShowsPrimaryQuotaAsThePool_L5() {
        Owned owned = ownedDesktop(10);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Design lab\",\"type\":\"RESERVED\",\"quota\":3}"));
        assertEquals("RESERVED", reserved.getString("type"));
        assertEquals("Design lab", reserved.getString("name"));
        assertEquals(3, reserved.getInt("quota"));
        assertEquals(0, reserved.getInt("used"));
        assertEquals(3, reserved.getInt("available"));
        assertTrue(reserved.getString("key").matches(KEY_FORMAT), "a full key in the L9 format: " + reserved.getString("key"));
        assertTrue(reserved.getBoolean("renewsWithSubscription"), "no expiry given: renews with the subscription");
        assertEquals(TODAY.plusYears(1).toString(), reserved.getString("expiresAt"));

        activateOk(owned.primaryKey());
        activateOk(owned.primaryKey());
        activateOk(reserved.getString("key"));

        List<JsonObject> keys = keysOf(owned);
        assertEquals(2, keys.size(), keys.toString());
        JsonObject primary = primaryOf(keys);
        assertEquals(masked(owned.primaryKey()), primary.getString("key"), "lists carry the key masked (L9)");
        assertEquals(7, primary.getInt("quota"), "pool = 10 seats - 3 reserved");
        assertEquals(2, primary.getInt("used"));
        assertEquals(5, primary.getInt("available"));
        JsonObject lab = keyById(keys, reserved.getString("id"));
        assertEquals(3, lab.getInt("quota"));
        assertEquals(1, lab.getInt("used"));
        assertEquals(2, lab.getInt("available"));
        assertEquals(masked(reserved.getString("key")), lab.getString("key"), "only the creating answer had the full key (L9)");

        JsonObject listed = Http.get("/api/v1/admin/subscriptions", "Authorization", Http.bearer(owned.token())).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("id").equals(owned.id())).findFirst().orElseThrow();
        assertEquals(10, listed.getInt("seats"), "the subscription keeps its 10 seats; keys only divide them");
    }

    @Test
    void reservedKeyCannotExceedFreePoolSeats_L6() {
        Owned owned = ownedDesktop(10);
        for (int i = 0; i < 6; i++) {
            activateOk(owned.primaryKey());
        }

        Http.Answer tooMany = createKey(owned, "{\"name\":\"Too big\",\"type\":\"RESERVED\",\"quota\":5}");
        assertEquals(409, tooMany.status(), tooMany.body());
        assertEquals("INSUFFICIENT_SEATS", tooMany.errorCode());
        List<JsonObject> unchanged = keysOf(owned);
        assertEquals(1, unchanged.size(), "no key was created: " + unchanged);
        assertEquals(10, primaryOf(unchanged).getInt("quota"));
        assertEquals(6, primaryOf(unchanged).getInt("used"));
        assertEquals(4, primaryOf(unchanged).getInt("available"));

        JsonObject fits = created(createKey(owned, "{\"name\":\"Just right\",\"type\":\"RESERVED\",\"quota\":4}"));
        assertEquals(4, fits.getInt("available"));
        JsonObject primary = primaryOf(keysOf(owned));
        assertEquals(6, primary.getInt("quota"));
        assertEquals(0, primary.getInt("available"), "the pool is now fully used by the primary key");
        assertNoSeat(owned.primaryKey());
    }

    @Test
    void reservedSeatsAreOnlyForTheirKey_L5() {
        Owned owned = ownedDesktop(3);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Reserved\",\"type\":\"RESERVED\",\"quota\":2}"));

        activateOk(owned.primaryKey());
        assertNoSeat(owned.primaryKey());

        activateOk(reserved.getString("key"));
        activateOk(reserved.getString("key"));
        assertNoSeat(reserved.getString("key"));

        List<JsonObject> keys = keysOf(owned);
        assertEquals(1, primaryOf(keys).getInt("used"));
        assertEquals(0, primaryOf(keys).getInt("available"));
        assertEquals(2, keyById(keys, reserved.getString("id")).getInt("used"));
        assertEquals(3, activeActivations(owned.id()), "never more than the 3 seats");
    }

    @Test
    void dynamicKeyCompetesWithPrimaryForThePool_L5() {
        Owned owned = ownedDesktop(4);
        JsonObject dynamic = created(createKey(owned, "{\"name\":\"Floating\",\"type\":\"DYNAMIC\",\"quota\":3}"));
        assertEquals("DYNAMIC", dynamic.getString("type"));
        assertEquals(4, primaryOf(keysOf(owned)).getInt("quota"), "a dynamic key reserves nothing: the pool stays 4");

        for (int i = 0; i < 3; i++) {
            activateOk(dynamic.getString("key"));
        }
        assertNoSeat(dynamic.getString("key"));
        assertEquals(1, primaryOf(keysOf(owned)).getInt("available"), "the dynamic key's 3 came out of the pool");

        activateOk(owned.primaryKey());
        assertNoSeat(owned.primaryKey());

        List<JsonObject> keys = keysOf(owned);
        assertEquals(1, primaryOf(keys).getInt("used"));
        assertEquals(0, primaryOf(keys).getInt("available"));
        assertEquals(3, keyById(keys, dynamic.getString("id")).getInt("used"));
        assertEquals(0, keyById(keys, dynamic.getString("id")).getInt("available"));
        assertEquals(4, activeActivations(owned.id()));
    }

    @Test
    void dynamicKeyCompetingForAFullPoolGetsNoSeatBelowItsQuota_L5() {
        Owned owned = ownedDesktop(4);
        JsonObject dynamic = created(createKey(owned, "{\"name\":\"Floating\",\"type\":\"DYNAMIC\",\"quota\":3}"));
        for (int i = 0; i < 3; i++) {
            activateOk(owned.primaryKey());
        }
        activateOk(dynamic.getString("key"));
        assertNoSeat(dynamic.getString("key"));
        JsonObject seen = keyById(keysOf(owned), dynamic.getString("id"));
        assertEquals(1, seen.getInt("used"));
        assertEquals(0, seen.getInt("available"), "2 left in its quota, none in the pool");
    }

    @Test
    void dynamicKeyQuotaIsBoundByThePoolSize_L6() {
        Owned owned = ownedDesktop(5);
        created(createKey(owned, "{\"name\":\"Reserved\",\"type\":\"RESERVED\",\"quota\":2}"));

        Http.Answer tooBig = createKey(owned, "{\"name\":\"Floating\",\"type\":\"DYNAMIC\",\"quota\":4}");
        assertEquals(409, tooBig.status(), tooBig.body());
        assertEquals("INSUFFICIENT_SEATS", tooBig.errorCode());
        assertEquals(2, keysOf(owned).size(), "nothing was created");

        JsonObject dynamic = created(createKey(owned, "{\"name\":\"Floating\",\"type\":\"DYNAMIC\",\"quota\":3}"));
        assertEquals(3, dynamic.getInt("quota"));
        assertEquals(3, dynamic.getInt("available"));
        assertEquals(3, primaryOf(keysOf(owned)).getInt("quota"), "a dynamic key does not shrink the pool");

        Http.Answer enlarged = patch(owned, dynamic.getString("id"), "", "{\"quota\":4}");
        assertEquals(409, enlarged.status(), enlarged.body());
        assertEquals("INSUFFICIENT_SEATS", enlarged.errorCode());
        assertEquals(3, keyById(keysOf(owned), dynamic.getString("id")).getInt("quota"), "nothing changed");
    }

    @Test
    void decreasingQuotaBelowUsedNeedsConfirmationAndDeactivatesLeastRecentlyContacted_L7() throws Exception {
        Owned owned = ownedDesktop(5);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Lab\",\"type\":\"RESERVED\",\"quota\":4}"));
        String keyId = reserved.getString("id");
        JsonObject a = activateOk(reserved.getString("key"));
        JsonObject b = activateOk(reserved.getString("key"));
        JsonObject c = activateOk(reserved.getString("key"));
        JsonObject d = activateOk(reserved.getString("key"));
        // Steps a second apart: the stored last contact may have whole-second precision only.
        pause();
        assertStatus(d, "ACTIVE");
        pause();
        assertStatus(a, "ACTIVE");
        // Last contact from oldest to newest: B and C (activation), D, A; the first activated is not the first to go.

        Http.Answer unconfirmed = patch(owned, keyId, "", "{\"name\":\"Renamed\",\"quota\":2}");
        assertEquals(409, unconfirmed.status(), unconfirmed.body());
        assertEquals("CONFIRMATION_REQUIRED", unconfirmed.errorCode());
        assertEquals(2, unconfirmed.json().getInt("wouldDeactivate"), "4 used, quota 2");
        JsonObject unchanged = keyById(keysOf(owned), keyId);
        assertEquals(4, unchanged.getInt("quota"), "nothing changed");
        assertEquals(4, unchanged.getInt("used"));
        assertEquals("Lab", unchanged.getString("name"), "the refused request's rename was rolled back too");
        assertEquals(4, activeOnKey(keyId));

        Http.Answer confirmed = patch(owned, keyId, "?confirm=true", "{\"quota\":2}");
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(2, confirmed.json().getInt("quota"));
        assertEquals(2, confirmed.json().getInt("used"));
        assertEquals(0, confirmed.json().getInt("available"));
        assertEquals(2, activeOnKey(keyId));
        assertStatus(b, "DEACTIVATED");
        assertStatus(c, "DEACTIVATED");
        assertStatus(d, "ACTIVE");
        pause();
        assertStatus(a, "ACTIVE");
        assertEquals(3, primaryOf(keysOf(owned)).getInt("quota"), "the two seats given up went back to the pool");

        Http.Answer falseConfirm = patch(owned, keyId, "", "{\"quota\":1,\"confirm\":false}");
        assertEquals(409, falseConfirm.status(), falseConfirm.body());
        assertEquals(1, falseConfirm.json().getInt("wouldDeactivate"));
        Http.Answer bodyConfirmed = patch(owned, keyId, "", "{\"quota\":1,\"confirm\":true}");
        assertEquals(200, bodyConfirmed.status(), bodyConfirmed.body());
        assertEquals(1, bodyConfirmed.json().getInt("quota"));
        assertEquals(1, bodyConfirmed.json().getInt("used"));
        assertStatus(d, "DEACTIVATED");
        assertStatus(a, "ACTIVE");

        Http.Answer noExcess = patch(owned, keyId, "", "{\"name\":\"Small lab\",\"quota\":1}");
        assertEquals(200, noExcess.status(), "a change that deactivates nothing needs no confirmation: " + noExcess.body());
        assertEquals("Small lab", noExcess.json().getString("name"));
    }

    @Test
    void deletingAKeyNeedsConfirmationAndDeactivatesItsInstallations_L7() {
        Owned owned = ownedDesktop(3);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Temporary\",\"type\":\"RESERVED\",\"quota\":2}"));
        String keyId = reserved.getString("id");
        JsonObject first = activateOk(reserved.getString("key"));
        JsonObject second = activateOk(reserved.getString("key"));
        activateOk(owned.primaryKey());
        assertNoSeat(owned.primaryKey());

        Http.Answer unconfirmed = delete(owned, keyId, false);
        assertEquals(409, unconfirmed.status(), unconfirmed.body());
        assertEquals("CONFIRMATION_REQUIRED", unconfirmed.errorCode());
        assertEquals(2, unconfirmed.json().getInt("wouldDeactivate"));
        assertEquals(2, keysOf(owned).size(), "nothing changed");
        assertEquals(2, activeOnKey(keyId));
        assertStatus(first, "ACTIVE");

        Http.Answer confirmed = delete(owned, keyId, true);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(2, confirmed.json().getInt("deactivated"));
        List<JsonObject> keys = keysOf(owned);
        assertEquals(1, keys.size(), "the key is gone: " + keys);
        assertEquals("PRIMARY", keys.get(0).getString("type"));
        assertEquals(3, keys.get(0).getInt("quota"), "its reserved seats went back to the pool");
        assertEquals(2, keys.get(0).getInt("available"));
        assertEquals(0, DesktopActivationIT.queryInt("SELECT COUNT(*) FROM license_keys WHERE id = ?", keyId));
        assertStatus(first, "DEACTIVATED");
        assertStatus(second, "DEACTIVATED");
        Http.Answer withDeletedKey = Clients.activate(reserved.getString("key"), Clients.newHardwareId());
        assertEquals(404, withDeletedKey.status(), withDeletedKey.body());
        assertEquals("INVALID_KEY", withDeletedKey.errorCode());

        activateOk(owned.primaryKey());
        activateOk(owned.primaryKey());
        assertNoSeat(owned.primaryKey());

        Http.Answer again = delete(owned, keyId, true);
        assertEquals(404, again.status(), again.body());
        assertEquals("NOT_FOUND", again.errorCode());
    }

    @Test
    void deletingAKeyWithoutInstallationsNeedsNoConfirmation_L7() {
        Owned owned = ownedDesktop(3);
        JsonObject unused = created(createKey(owned, "{\"name\":\"Unused\",\"type\":\"DYNAMIC\",\"quota\":2}"));
        Http.Answer deleted = delete(owned, unused.getString("id"), false);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(0, deleted.json().getInt("deactivated"));
        assertEquals(1, keysOf(owned).size());
    }

    @Test
    void primaryKeyCannotBeDeletedAndItsTypeCannotChange_L6() {
        Owned owned = ownedDesktop(5);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Reserved\",\"type\":\"RESERVED\",\"quota\":2}"));
        String primaryId = primaryOf(keysOf(owned)).getString("id");
        activateOk(owned.primaryKey());

        Http.Answer deletePrimary = delete(owned, primaryId, true);
        assertEquals(400, deletePrimary.status(), deletePrimary.body());
        assertEquals("BAD_REQUEST", deletePrimary.errorCode());
        assertEquals(1, DesktopActivationIT.queryInt("SELECT COUNT(*) FROM license_keys WHERE id = ?", primaryId));
        assertEquals(1, activeOnKey(primaryId), "its computer is untouched");

        Http.Answer primaryQuota = patch(owned, primaryId, "", "{\"quota\":2}");
        assertEquals(400, primaryQuota.status(), "the primary key's quota is derived: " + primaryQuota.body());
        assertEquals("BAD_REQUEST", primaryQuota.errorCode());
        Http.Answer primaryType = patch(owned, primaryId, "", "{\"type\":\"DYNAMIC\"}");
        assertEquals(400, primaryType.status(), primaryType.body());

        Http.Answer typeChange = patch(owned, reserved.getString("id"), "", "{\"type\":\"DYNAMIC\"}");
        assertEquals(400, typeChange.status(), typeChange.body());
        assertEquals("BAD_REQUEST", typeChange.errorCode());
        assertEquals("RESERVED", DesktopActivationIT.queryString("SELECT type FROM license_keys WHERE id = ?",
                reserved.getString("id")));
        List<JsonObject> keys = keysOf(owned);
        assertEquals(3, primaryOf(keys).getInt("quota"), "nothing changed");
        assertEquals("RESERVED", keyById(keys, reserved.getString("id")).getString("type"));
    }

    @Test
    void expiredKeyRefusesActivation_L8_KEY_EXPIRED() throws SQLException {
        Owned owned = ownedDesktop(3);
        JsonObject lastDay = created(createKey(owned,
                "{\"name\":\"Ends today\",\"type\":\"RESERVED\",\"quota\":2,\"expiresAt\":\"" + TODAY + "\"}"));
        assertEquals(TODAY.toString(), lastDay.getString("expiresAt"));
        assertFalse(lastDay.getBoolean("renewsWithSubscription"));
        JsonObject installed = activateOk(lastDay.getString("key"));
        assertEquals(TODAY.plusDays(1) + "T00:00:00Z", installed.getString("expiresAt"), "valid through its last day");
        assertEquals(1, primaryOf(keysOf(owned)).getInt("quota"));

        LocalDate subscriptionEnd = TODAY.plusYears(1);
        Http.Answer afterEnd = createKey(owned, "{\"name\":\"Too long\",\"type\":\"DYNAMIC\",\"quota\":1,\"expiresAt\":\""
                + subscriptionEnd.plusDays(1) + "\"}");
        assertEquals(400, afterEnd.status(), afterEnd.body());
        assertEquals("BAD_REQUEST", afterEnd.errorCode());
        Http.Answer inThePast = createKey(owned, "{\"name\":\"Too late\",\"type\":\"DYNAMIC\",\"quota\":1,\"expiresAt\":\""
                + TODAY.minusDays(1) + "\"}");
        assertEquals(400, inThePast.status(), inThePast.body());
        Http.Answer changedAfterEnd = patch(owned, lastDay.getString("id"), "", "{\"expiresAt\":\"" + subscriptionEnd.plusDays(1) + "\"}");
        assertEquals(400, changedAfterEnd.status(), changedAfterEnd.body());
        assertEquals(2, keysOf(owned).size(), "nothing was created");
        assertEquals(TODAY.toString(), keyById(keysOf(owned), lastDay.getString("id")).getString("expiresAt"));

        // A key cannot be given a past expiry through the API; let a day pass in the database instead.
        try (Connection db = KeyholdServerExtension.server().connect();
                PreparedStatement update = db.prepareStatement("UPDATE license_keys SET custom_expires_on = ? WHERE id = ?")) {
            update.setDate(1, java.sql.Date.valueOf(TODAY.minusDays(1)));
            update.setString(2, lastDay.getString("id"));
            assertEquals(1, update.executeUpdate());
        }

        Http.Answer expired = Clients.activate(lastDay.getString("key"), Clients.newHardwareId());
        assertEquals(403, expired.status(), expired.body());
        assertEquals("KEY_EXPIRED", expired.errorCode());
        assertStatus(installed, "EXPIRED");

        List<JsonObject> keys = keysOf(owned);
        assertEquals(3, primaryOf(keys).getInt("quota"), "the expired key's reserved seats are back in the pool");
        assertEquals(3, primaryOf(keys).getInt("available"));
        assertEquals(0, keyById(keys, lastDay.getString("id")).getInt("available"));
        for (int i = 0; i < 3; i++) {
            activateOk(owned.primaryKey());
        }
        assertNoSeat(owned.primaryKey());
    }

    @Test
    void movingToAnotherKeyOfTheSameSubscriptionReleasesTheOldSeatOnlyIfTheNewKeyHasOne_C1() {
        Owned owned = ownedDesktop(3);
        JsonObject full = created(createKey(owned, "{\"name\":\"Full\",\"type\":\"RESERVED\",\"quota\":1}"));
        activateOk(full.getString("key"));
        String hardwareY = Clients.newHardwareId();
        Http.Answer onPrimary = Clients.activate(owned.primaryKey(), hardwareY);
        assertEquals(201, onPrimary.status(), onPrimary.body());
        JsonObject y = onPrimary.json();
        String primaryName = y.getString("keyName");
        String primaryId = primaryOf(keysOf(owned)).getString("id");

        Http.Answer refused = Clients.activate(full.getString("key"), hardwareY);
        assertEquals(409, refused.status(), refused.body());
        assertEquals("NO_SEATS_AVAILABLE", refused.errorCode());
        Http.Answer stillThere = Clients.checkIn(y.getString("activationId"), y.getString("activationToken"));
        assertEquals(200, stillThere.status(), "the refused move left the token valid: " + stillThere.body());
        assertEquals("ACTIVE", stillThere.json().getString("status"));
        assertEquals(primaryName, stillThere.json().getString("keyName"), "nothing changed");
        assertEquals(1, activeOnKey(primaryId));

        JsonObject spare = created(createKey(owned, "{\"name\":\"Spare\",\"type\":\"RESERVED\",\"quota\":1}"));
        assertEquals(0, primaryOf(keysOf(owned)).getInt("available"), "pool 1, used by Y");
        Http.Answer moved = Clients.activate(spare.getString("key"), hardwareY);
        assertEquals(200, moved.status(), moved.body());
        assertEquals(y.getString("activationId"), moved.json().getString("activationId"), "the same activation");
        assertEquals("Spare", moved.json().getString("keyName"));
        Http.Answer checkIn = Clients.checkIn(moved.json().getString("activationId"), moved.json().getString("activationToken"));
        assertEquals("ACTIVE", checkIn.json().getString("status"));
        assertEquals("Spare", checkIn.json().getString("keyName"));

        List<JsonObject> keys = keysOf(owned);
        assertEquals(0, primaryOf(keys).getInt("used"), "the old seat was released");
        assertEquals(1, primaryOf(keys).getInt("available"));
        assertEquals(1, keyById(keys, spare.getString("id")).getInt("used"));
        assertEquals(2, activeActivations(owned.id()), "one seat per computer");
        activateOk(owned.primaryKey());
    }

    @Test
    void anotherAccountsKeysAreNotFound_tenancy() {
        Owned owner = ownedDesktop(5);
        JsonObject reserved = created(createKey(owner, "{\"name\":\"Mine\",\"type\":\"RESERVED\",\"quota\":2}"));
        activateOk(reserved.getString("key"));
        Owned intruder = ownedDesktop(5);
        String ownersAccount = DesktopActivationIT.queryString("SELECT account_id FROM subscriptions WHERE id = ?", owner.id());

        Http.Answer list = Http.get("/api/v1/admin/subscriptions/" + owner.id() + "/keys", "Authorization", Http.bearer(intruder.token()));
        assertNotFound(list);
        assertNotFound(Http.get("/api/v1/admin/subscriptions/" + owner.id() + "/keys", "Authorization",
                Http.bearer(intruder.token()), "X-Account-Id", ownersAccount));
        assertNotFound(createKey(intruder.token(), owner.id(), "{\"name\":\"Theirs\",\"type\":\"RESERVED\",\"quota\":1}"));
        assertNotFound(patch(intruder.token(), reserved.getString("id"), "?confirm=true", "{\"name\":\"Stolen\",\"quota\":0}"));
        assertNotFound(patch(intruder.token(), reserved.getString("id"), "", "{\"name\":\"Stolen\"}"));
        assertNotFound(delete(intruder.token(), reserved.getString("id"), true));
        assertTrue(Http.get("/api/v1/admin/subscriptions", "Authorization", Http.bearer(intruder.token())).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast).noneMatch(s -> s.getString("id").equals(owner.id())));

        List<JsonObject> keys = keysOf(owner);
        assertEquals(2, keys.size(), "nothing changed: " + keys);
        JsonObject mine = keyById(keys, reserved.getString("id"));
        assertEquals("Mine", mine.getString("name"));
        assertEquals(2, mine.getInt("quota"));
        assertEquals(1, mine.getInt("used"));
        assertEquals(1, keysOf(intruder).size(), "nothing was created in the intruder's subscription either");
    }

    @Test
    void invalidKeyRequestsAreRefused() {
        Owned owned = ownedDesktop(5);
        assertBadRequest(createKey(owned, "{\"type\":\"RESERVED\",\"quota\":1}"), "missing name");
        assertBadRequest(createKey(owned, "{\"name\":\"  \",\"type\":\"RESERVED\",\"quota\":1}"), "blank name");
        assertBadRequest(createKey(owned, "{\"name\":\"Zero\",\"type\":\"RESERVED\",\"quota\":0}"), "quota 0");
        assertBadRequest(createKey(owned, "{\"name\":\"Zero\",\"type\":\"DYNAMIC\",\"quota\":0}"), "dynamic quota 0");
        assertBadRequest(createKey(owned, "{\"name\":\"None\",\"type\":\"RESERVED\"}"), "missing quota");
        assertBadRequest(createKey(owned, "{\"name\":\"Second primary\",\"type\":\"PRIMARY\",\"quota\":1}"), "type PRIMARY");
        assertBadRequest(createKey(owned, "{\"name\":\"Foo\",\"type\":\"FOO\",\"quota\":1}"), "type FOO");
        assertBadRequest(createKey(owned, "{\"name\":\"Untyped\",\"quota\":1}"), "missing type");
        assertBadRequest(createKey(owned, "{\"name\":\"Bad date\",\"type\":\"RESERVED\",\"quota\":1,\"expiresAt\":\"soon\"}"),
                "unparseable expiresAt");
        assertBadRequest(createKey(owned, "not json"), "not JSON");
        assertEquals(1, keysOf(owned).size(), "nothing was created");

        JsonObject key = created(createKey(owned, "{\"name\":\"Valid\",\"type\":\"DYNAMIC\",\"quota\":2}"));
        assertBadRequest(patch(owned, key.getString("id"), "", "{\"quota\":-1}"), "negative quota");
        assertBadRequest(patch(owned, key.getString("id"), "", "{\"name\":\"\"}"), "empty name");
        JsonObject unchanged = keyById(keysOf(owned), key.getString("id"));
        assertEquals("Valid", unchanged.getString("name"));
        assertEquals(2, unchanged.getInt("quota"));
    }

    @Test
    void fullKeyOnlyByAnExplicitLoggedReveal_L9() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        JsonObject lab = acme.createKey("Lab", "RESERVED", 2);
        JsonObject design = acme.createKey("Design", "RESERVED", 2);
        String everyList = Http.get("/api/v1/admin/subscriptions/" + acme.subscription().id() + "/keys", "Authorization", acme.bearer()).body()
                + Http.get("/api/v1/admin/keys", "Authorization", acme.bearer()).body();
        assertFalse(everyList.contains(acme.subscription().primaryKey()), everyList);
        assertFalse(everyList.contains(lab.getString("key")), everyList);
        assertTrue(everyList.contains(masked(lab.getString("key"))), everyList);

        Http.Answer revealed = reveal(acme.bearer(), lab.getString("id"));
        assertEquals(200, revealed.status(), revealed.body());
        assertEquals(lab.getString("key"), revealed.json().getString("key"));
        JsonObject logged = Http.get("/api/v1/admin/activity?action=KEY.REVEALED", "Authorization", acme.bearer()).json()
                .getJsonArray("items").getJsonObject(0);
        assertEquals(lab.getString("id"), logged.getString("objectId"), logged.toString());
        assertFalse(logged.toString().contains(lab.getString("key")), "the log names the key masked: " + logged);

        // A6: a license administrator reveals the keys they manage; another key of the account is "not found"
        Members.Member labAdmin = Members.join(acme);
        Members.setRole(acme, labAdmin, "LICENSE_ADMINISTRATOR", lab.getString("id"));
        Http.Answer own = Http.call("POST", "/api/v1/admin/keys/" + lab.getString("id") + "/reveal", null, labAdmin.headers());
        assertEquals(200, own.status(), own.body());
        assertEquals(lab.getString("key"), own.json().getString("key"));
        assertNotFound(Http.call("POST", "/api/v1/admin/keys/" + design.getString("id") + "/reveal", null, labAdmin.headers()));

        // a regular member may not; another account's key is "not found"; no token is 401
        Members.Member regular = Members.join(acme);
        Http.Answer refused = Http.call("POST", "/api/v1/admin/keys/" + lab.getString("id") + "/reveal", null, regular.headers());
        assertEquals(403, refused.status(), refused.body());
        Owned intruder = ownedDesktop(2);
        assertNotFound(reveal(Http.bearer(intruder.token()), lab.getString("id")));
        assertEquals(401, Http.call("POST", "/api/v1/admin/keys/" + lab.getString("id") + "/reveal", null).status());
        assertEquals(2, Http.get("/api/v1/admin/activity?action=KEY.REVEALED", "Authorization", acme.bearer()).json()
                .getJsonArray("items").size(), "the admin's and the license administrator's reveals, nothing for the refused");
    }

    @Test
    void deleteTakesItsConfirmationInTheBody_L7() {
        Owned owned = ownedDesktop(3);
        JsonObject reserved = created(createKey(owned, "{\"name\":\"Body\",\"type\":\"RESERVED\",\"quota\":1}"));
        JsonObject computer = activateOk(reserved.getString("key"));
        Http.Answer unconfirmed = Http.call("DELETE", "/api/v1/admin/keys/" + reserved.getString("id"), "{\"confirm\": false}",
                "Authorization", Http.bearer(owned.token()));
        assertEquals(409, unconfirmed.status(), unconfirmed.body());
        Http.Answer confirmed = Http.call("DELETE", "/api/v1/admin/keys/" + reserved.getString("id"), "{\"confirm\": true}",
                "Authorization", Http.bearer(owned.token()));
        assertEquals(200, confirmed.status(), confirmed.body());
        assertEquals(1, confirmed.json().getInt("deactivated"));
        assertStatus(computer, "DEACTIVATED");
    }

    @Test
    void deletingAKeyCanMoveItsComputersToAnotherKey_L7_C8() {
        Owned owned = ownedDesktop(5);
        JsonObject old = created(createKey(owned, "{\"name\":\"Old\",\"type\":\"RESERVED\",\"quota\":2}"));
        JsonObject small = created(createKey(owned, "{\"name\":\"Small\",\"type\":\"RESERVED\",\"quota\":1}"));
        JsonObject a = activateOk(old.getString("key"));
        JsonObject b = activateOk(old.getString("key"));

        Http.Answer tooSmall = Http.call("DELETE", "/api/v1/admin/keys/" + old.getString("id"),
                "{\"confirm\": true, \"moveToKeyId\": \"" + small.getString("id") + "\"}", "Authorization", Http.bearer(owned.token()));
        assertEquals(409, tooSmall.status(), tooSmall.body());
        assertEquals("INSUFFICIENT_SEATS", tooSmall.errorCode());
        assertEquals(3, keysOf(owned).size(), "nothing changed: all move or none, and the key stays");
        assertStatus(a, "ACTIVE");

        Owned other = ownedDesktop(2);
        assertNotFound(Http.call("DELETE", "/api/v1/admin/keys/" + old.getString("id"),
                "{\"confirm\": true, \"moveToKeyId\": \"" + primaryOf(keysOf(other)).getString("id") + "\"}",
                "Authorization", Http.bearer(owned.token())));

        String primaryId = primaryOf(keysOf(owned)).getString("id");
        Http.Answer moved = Http.call("DELETE", "/api/v1/admin/keys/" + old.getString("id"),
                "{\"moveToKeyId\": \"" + primaryId + "\"}", "Authorization", Http.bearer(owned.token()));
        assertEquals(200, moved.status(), "moving deactivates nothing, so it needs no confirmation: " + moved.body());
        assertEquals(0, moved.json().getInt("deactivated"));
        assertEquals(2, moved.json().getInt("moved"));
        assertStatus(a, "ACTIVE");
        assertStatus(b, "ACTIVE");
        assertEquals(2, activeOnKey(primaryId));
        assertEquals(2, keysOf(owned).size());
    }

    private static String masked(String key) {
        return "XXXXXX-XXXXXX-XXXXXX-XXXXXX-" + key.substring(key.length() - 6);
    }

    private static Http.Answer reveal(String bearer, String keyId) {
        return Http.call("POST", "/api/v1/admin/keys/" + keyId + "/reveal", null, "Authorization", bearer);
    }

    // --- helpers ---

    private static Owned ownedDesktop(int seats) {
        String email = Users.uniqueEmail("keys");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(seats);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations",
                "{\"key\":\"" + subscription.primaryKey() + "\"," + COMPANY + "}", "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Owned(token, subscription);
    }

    private static List<JsonObject> keysOf(Owned owned) {
        Http.Answer answer = Http.get("/api/v1/admin/subscriptions/" + owned.id() + "/keys", "Authorization", Http.bearer(owned.token()));
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
    }

    private static JsonObject primaryOf(List<JsonObject> keys) {
        List<JsonObject> primaries = keys.stream().filter(k -> k.getString("type").equals("PRIMARY")).toList();
        assertEquals(1, primaries.size(), "exactly one primary key: " + keys);
        return primaries.get(0);
    }

    private static JsonObject keyById(List<JsonObject> keys, String id) {
        return keys.stream().filter(k -> k.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + id + " in " + keys));
    }

    private static Http.Answer createKey(Owned owned, String json) {
        return createKey(owned.token(), owned.id(), json);
    }

    private static Http.Answer createKey(String token, String subscriptionId, String json) {
        return Http.postJson("/api/v1/admin/subscriptions/" + subscriptionId + "/keys", json, "Authorization", Http.bearer(token));
    }

    private static JsonObject created(Http.Answer answer) {
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    private static Http.Answer patch(Owned owned, String keyId, String query, String json) {
        return patch(owned.token(), keyId, query, json);
    }

    private static Http.Answer patch(String token, String keyId, String query, String json) {
        return Http.send(Http.request("/api/v1/admin/keys/" + keyId + query)
                .header("Authorization", Http.bearer(token)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Http.Answer delete(Owned owned, String keyId, boolean confirm) {
        return delete(owned.token(), keyId, confirm);
    }

    private static Http.Answer delete(String token, String keyId, boolean confirm) {
        return Http.send(Http.request("/api/v1/admin/keys/" + keyId + (confirm ? "?confirm=true" : ""))
                .header("Authorization", Http.bearer(token)).DELETE().build());
    }

    /** Activates a new computer with the key and returns the activation the client got. */
    private static JsonObject activateOk(String key) {
        Http.Answer answer = Clients.activate(key, Clients.newHardwareId());
        assertEquals(201, answer.status(), answer.body());
        return answer.json();
    }

    private static void assertNoSeat(String key) {
        Http.Answer answer = Clients.activate(key, Clients.newHardwareId());
        assertEquals(409, answer.status(), answer.body());
        assertEquals("NO_SEATS_AVAILABLE", answer.errorCode());
    }

    /** Checks the computer in, as its client would, and asserts the status it learns. */
    private static void assertStatus(JsonObject activation, String status) {
        Http.Answer answer = Clients.checkIn(activation.getString("activationId"), activation.getString("activationToken"));
        assertEquals(200, answer.status(), answer.body());
        assertEquals(status, answer.json().getString("status"), "activation " + activation.getString("activationId"));
    }

    private static void assertNotFound(Http.Answer answer) {
        assertEquals(404, answer.status(), answer.body());
        assertEquals("NOT_FOUND", answer.errorCode());
    }

    private static void assertBadRequest(Http.Answer answer, String what) {
        assertEquals(400, answer.status(), what + ": " + answer.body());
        assertEquals("BAD_REQUEST", answer.errorCode(), what);
    }

    private static int activeActivations(String subscriptionId) {
        return DesktopActivationIT.queryInt(
                "SELECT COUNT(*) FROM activations WHERE subscription_id = ? AND status = 'ACTIVE'", subscriptionId);
    }

    private static void pause() throws InterruptedException {
        Thread.sleep(1100);
    }

    private static int activeOnKey(String keyId) {
        return DesktopActivationIT.queryInt("SELECT COUNT(*) FROM activations WHERE key_id = ? AND status = 'ACTIVE'", keyId);
    }

    /**
     * A license administrator has at least one key (A6): deleting a key takes it from its license
     * administrators, and one left without a key is a Regular Member again, who manages no computers.
     */
    @Test
    void deletingAKeyTakesItFromItsLicenseAdministrators_A6_L7() {
        Accounts.Business acme = Accounts.withDesktopSubscription(10);
        String lab = acme.createKey("Lab", "RESERVED", 2).getString("id");
        String design = acme.createKey("Design", "RESERVED", 2).getString("id");
        Members.Member onlyLab = Members.join(acme);
        Members.Member labAndDesign = Members.join(acme);
        Members.setRole(acme, onlyLab, "LICENSE_ADMINISTRATOR", lab);
        Members.setRole(acme, labAndDesign, "LICENSE_ADMINISTRATOR", lab, design);
        assertEquals(200, Http.get("/api/v1/admin/computers", onlyLab.headers()).status());

        Http.Answer deleted = Http.call("DELETE", "/api/v1/admin/keys/" + lab + "?confirm=true", null,
                "Authorization", acme.bearer());
        assertEquals(2, deleted.status() / 100, deleted.body());

        JsonObject former = member(acme, onlyLab);
        assertEquals("REGULAR_MEMBER", former.getString("role"));
        assertTrue(former.getJsonArray("keyIds").isEmpty());
        Http.Answer refused = Http.get("/api/v1/admin/computers", onlyLab.headers());
        assertEquals(403, refused.status(), refused.body());
        JsonObject remaining = member(acme, labAndDesign);
        assertEquals("LICENSE_ADMINISTRATOR", remaining.getString("role"));
        assertEquals(List.of(design), remaining.getJsonArray("keyIds").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
    }

    private static JsonObject member(Accounts.Business acme, Members.Member member) {
        Http.Answer answer = Http.get("/api/v1/admin/members/" + member.userId(), "Authorization", acme.bearer());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }
}
