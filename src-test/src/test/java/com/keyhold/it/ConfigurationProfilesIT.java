package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Profiles;
import com.keyhold.it.support.TwoAccounts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Configuration profiles (SPEC P1, P2; CONTRACT sections 2 and 6): managed, applied to keys, received by clients. */
@KeyholdIntegrationTest
class ConfigurationProfilesIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void administratorsCreateEditAndDeleteProfilesAndEachIsLogged_P1() {
        Accounts.Business account = Accounts.withDesktopSubscription(5);
        Members.Member admin = Members.administrator(account);
        JsonObject created = Profiles.create(admin, "Engineering");
        String id = created.getString("id");
        assertEquals("Engineering", created.getString("name"));
        JsonObject vm = created.getJsonObject("payloads").getJsonObject("vmImage");
        assertTrue(vm.getBoolean("enabled"));
        assertEquals("https://images.example.com/corp.pvmp", vm.getString("imageUrl"));
        assertEquals(Profiles.CHECKSUM, vm.getString("checksum"));
        assertEquals("Corporate VM", vm.getString("vmName"));
        JsonObject upgrades = created.getJsonObject("payloads").getJsonObject("upgrades");
        assertFalse(upgrades.getBoolean("enabled"));
        assertEquals("20", upgrades.getString("targetVersion"), "a disabled payload keeps its settings");

        JsonArray listed = Http.get("/api/v1/admin/profiles", admin.headers()).json().getJsonArray("items");
        assertEquals(1, listed.size());
        assertEquals(id, listed.getJsonObject(0).getString("id"));

        // edit: rename and switch the VM image off; its settings stay
        Http.Answer changed = Http.call("PUT", "/api/v1/admin/profiles/" + id, Profiles.body("Engineering Macs")
                .replace("\"vmImage\":{\"enabled\":true", "\"vmImage\":{\"enabled\":false"), admin.headers());
        assertEquals(200, changed.status(), changed.body());
        JsonObject read = Http.get("/api/v1/admin/profiles/" + id, admin.headers()).json();
        assertEquals("Engineering Macs", read.getString("name"));
        assertFalse(read.getJsonObject("payloads").getJsonObject("vmImage").getBoolean("enabled"));
        assertEquals("https://images.example.com/corp.pvmp",
                read.getJsonObject("payloads").getJsonObject("vmImage").getString("imageUrl"), "kept while off");

        Http.Answer deleted = Http.call("DELETE", "/api/v1/admin/profiles/" + id, null, admin.headers());
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(0, deleted.json().getInt("keysOnDefault"));
        Http.Answer gone = Http.get("/api/v1/admin/profiles/" + id, admin.headers());
        assertEquals(404, gone.status());
        assertEquals("NOT_FOUND", gone.errorCode());

        JsonArray log = Http.get("/api/v1/admin/activity?action=PROFILE.*&size=50", admin.headers()).json().getJsonArray("items");
        List<String> actions = log.stream().map(JsonValue::asJsonObject)
                .filter(e -> id.equals(e.getString("objectId", null))).map(e -> e.getString("action")).toList();
        assertEquals(List.of("PROFILE.DELETED", "PROFILE.CHANGED", "PROFILE.CREATED"), actions, log.toString());
    }

    @Test
    void invalidProfilesAreRefusedFieldByField_P1() {
        Accounts.Business account = Accounts.withDesktopSubscription(5);
        Members.Member admin = Members.administrator(account);
        Profiles.create(admin, "Design");
        assertEquals("name", violation(Http.postJson("/api/v1/admin/profiles", Profiles.body("design"), admin.headers())),
                "names are unique per account, whatever the case");
        assertEquals("name", violation(Http.postJson("/api/v1/admin/profiles", Profiles.body(""), admin.headers())));
        assertEquals("name", violation(Http.postJson("/api/v1/admin/profiles", Profiles.body("x".repeat(101)), admin.headers())));
        assertEquals("payloads.vmImage.imageUrl", violation(Http.postJson("/api/v1/admin/profiles",
                Profiles.body("Ftp").replace("https://", "ftp://"), admin.headers())));
        assertEquals("payloads.vmImage.checksum", violation(Http.postJson("/api/v1/admin/profiles",
                Profiles.body("Bad sum").replace(Profiles.CHECKSUM, "not-a-digest"), admin.headers())));
        assertEquals("payloads.upgrades.targetVersion", violation(Http.postJson("/api/v1/admin/profiles",
                Profiles.body("No target").replace("\"enabled\":false,\"allowed\":true,\"targetVersion\":\"20\"",
                        "\"enabled\":true,\"allowed\":true,\"targetVersion\":null"), admin.headers())));
        assertEquals(1, Http.get("/api/v1/admin/profiles", admin.headers()).json().getJsonArray("items").size(),
                "nothing refused was stored");
    }

    @Test
    void aKeysProfileReachesItsComputersAtCheckInActivationAndInTheCertificate_P2() throws Exception {
        Accounts.Business account = Accounts.withDesktopSubscription(5);
        Members.Member admin = Members.administrator(account);
        String keyId = primaryKeyId(account);
        JsonObject computer = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json();
        assertDefault(computer.getJsonObject("configurationProfile"));
        assertDefault(certificatePayload(computer).getJsonObject("configurationProfile"));

        String profileId = Profiles.create(admin, "Corporate").getString("id");
        Http.Answer applied = Http.call("PATCH", "/api/v1/admin/keys/" + keyId, "{\"profileId\":\"" + profileId + "\"}",
                admin.headers());
        assertEquals(200, applied.status(), applied.body());
        assertEquals(profileId, applied.json().getString("profileId"));
        Http.Answer renamed = Http.call("PATCH", "/api/v1/admin/keys/" + keyId, "{\"name\":\"Renamed\"}", admin.headers());
        assertEquals(profileId, renamed.json().getString("profileId"), "a change without profileId keeps the profile");

        // the next check-in gets the profile, with the enabled payload only, and a certificate that states it
        JsonObject checkIn = checkIn(computer);
        JsonObject profile = checkIn.getJsonObject("configurationProfile");
        assertEquals("Corporate", profile.getString("name"));
        assertEquals(1, profile.getJsonArray("payloads").size(), profile.toString());
        JsonObject payload = profile.getJsonArray("payloads").getJsonObject(0);
        assertEquals("VM_IMAGE", payload.getString("type"));
        assertEquals("https://images.example.com/corp.pvmp", payload.getString("imageUrl"));
        assertEquals(Profiles.CHECKSUM, payload.getString("checksum"));
        assertEquals("Corporate VM", payload.getString("vmName"));
        assertEquals(profile, certificatePayload(checkIn).getJsonObject("configurationProfile"));

        // editing the profile is a change of state: the next check-in is told, in the answer and the certificate
        assertEquals(200, Http.call("PUT", "/api/v1/admin/profiles/" + profileId, Profiles.body("Corporate")
                .replace("\"upgrades\":{\"enabled\":false", "\"upgrades\":{\"enabled\":true"), admin.headers()).status());
        JsonObject again = checkIn(computer);
        JsonArray payloads = again.getJsonObject("configurationProfile").getJsonArray("payloads");
        assertEquals(2, payloads.size(), payloads.toString());
        assertEquals("UPGRADES", payloads.getJsonObject(1).getString("type"));
        assertTrue(payloads.getJsonObject(1).getBoolean("allowed"));
        assertEquals("20", payloads.getJsonObject(1).getString("targetVersion"));
        assertEquals(again.getJsonObject("configurationProfile"), certificatePayload(again).getJsonObject("configurationProfile"));
        assertTrue(certificateIsReused(computer), "no change since: the stored certificate is reused (C3)");

        // a computer activated now gets it at activation
        JsonObject second = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json();
        assertEquals(again.getJsonObject("configurationProfile"), second.getJsonObject("configurationProfile"));
        assertEquals(second.getJsonObject("configurationProfile"), certificatePayload(second).getJsonObject("configurationProfile"));

        // back to Default
        Http.Answer reset = Http.call("PATCH", "/api/v1/admin/keys/" + keyId, "{\"profileId\":null}", admin.headers());
        assertEquals(200, reset.status(), reset.body());
        assertTrue(reset.json().isNull("profileId"), reset.body());
        JsonObject onDefault = checkIn(computer);
        assertDefault(onDefault.getJsonObject("configurationProfile"));
        assertDefault(certificatePayload(onDefault).getJsonObject("configurationProfile"));

        JsonArray log = Http.get("/api/v1/admin/activity?action=KEY.CHANGED&size=50", admin.headers()).json().getJsonArray("items");
        assertTrue(log.stream().map(JsonValue::asJsonObject).anyMatch(e -> keyId.equals(e.getString("objectId", null))
                && e.getString("summary").contains("configuration profile 'Default' -> 'Corporate'")), log.toString());
        assertTrue(log.stream().map(JsonValue::asJsonObject).anyMatch(e -> keyId.equals(e.getString("objectId", null))
                && e.getString("summary").contains("configuration profile 'Corporate' -> 'Default'")), log.toString());
    }

    @Test
    void deletingAProfilePutsItsKeysBackOnDefault_P1_P2() {
        Accounts.Business account = Accounts.withDesktopSubscription(5);
        Members.Member admin = Members.administrator(account);
        String keyId = primaryKeyId(account);
        JsonObject computer = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json();
        String profileId = Profiles.create(admin, "Short-lived").getString("id");
        Http.call("PATCH", "/api/v1/admin/keys/" + keyId, "{\"profileId\":\"" + profileId + "\"}", admin.headers());
        assertEquals("Short-lived", checkIn(computer).getJsonObject("configurationProfile").getString("name"));

        Http.Answer deleted = Http.call("DELETE", "/api/v1/admin/profiles/" + profileId, null, admin.headers());
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(1, deleted.json().getInt("keysOnDefault"));
        JsonObject key = keys(account).stream().filter(k -> k.getString("id").equals(keyId)).findFirst().orElseThrow();
        assertTrue(key.isNull("profileId"), key.toString());
        assertDefault(checkIn(computer).getJsonObject("configurationProfile"));
    }

    @Test
    void theComputerListShowsEachComputersProfileAndFiltersByIt_P2() {
        Accounts.Business account = Accounts.withDesktopSubscription(10);
        Members.Member admin = Members.administrator(account);
        JsonObject second = account.createKey("Design team", "RESERVED", 3);
        String profileId = Profiles.create(admin, "Design").getString("id");
        assertEquals(200, Http.call("PATCH", "/api/v1/admin/keys/" + second.getString("id"),
                "{\"profileId\":\"" + profileId + "\"}", admin.headers()).status());
        String onPrimary = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json()
                .getString("activationId");
        String onSecond = Clients.activate(second.getString("key"), Clients.newHardwareId()).json().getString("activationId");

        JsonObject filtered = account.computers("?profileId=" + profileId).json();
        assertEquals(1, filtered.getInt("total"), filtered.toString());
        JsonObject designed = filtered.getJsonArray("items").getJsonObject(0);
        assertEquals(onSecond, designed.getString("id"));
        assertEquals(profileId, designed.getJsonObject("configurationProfile").getString("id"));
        assertEquals("Design", designed.getJsonObject("configurationProfile").getString("name"));

        JsonObject defaults = account.computers("?profileId=DEFAULT").json();
        assertEquals(1, defaults.getInt("total"), defaults.toString());
        JsonObject plain = defaults.getJsonArray("items").getJsonObject(0);
        assertEquals(onPrimary, plain.getString("id"));
        assertTrue(plain.getJsonObject("configurationProfile").isNull("id"), plain.toString());
        assertEquals("Default", plain.getJsonObject("configurationProfile").getString("name"));
        assertEquals(2, account.computers("").json().getInt("total"));
        assertEquals(0, account.computers("?profileId=00000000-0000-0000-0000-000000000000").json().getInt("total"));
    }

    @Test
    void onlyAccountAdministratorsManageProfilesAndAnotherAccountsProfilesAreNotFound_P1() {
        TwoAccounts.Side a = TwoAccounts.get().a;
        TwoAccounts.Side b = TwoAccounts.get().b;
        String ownProfile = Profiles.of(a.administrator());
        String foreignProfile = Profiles.of(b.administrator());
        for (Members.Member member : List.of(a.licenseAdministrator(), a.regularMember())) {
            assertForbidden(Http.get("/api/v1/admin/profiles", member.headers()));
            assertForbidden(Http.postJson("/api/v1/admin/profiles", Profiles.body("Mine"), member.headers()));
            assertForbidden(Http.get("/api/v1/admin/profiles/" + ownProfile, member.headers()));
            assertForbidden(Http.call("PUT", "/api/v1/admin/profiles/" + ownProfile, Profiles.body("Taken over"), member.headers()));
            assertForbidden(Http.call("DELETE", "/api/v1/admin/profiles/" + ownProfile, null, member.headers()));
            assertForbidden(Http.call("PATCH", "/api/v1/admin/keys/" + a.primaryKeyId(),
                    "{\"profileId\":\"" + ownProfile + "\"}", member.headers()));
        }
        String[] admin = a.administrator().headers();
        assertNotFound(Http.get("/api/v1/admin/profiles/" + foreignProfile, admin));
        assertNotFound(Http.call("PUT", "/api/v1/admin/profiles/" + foreignProfile, Profiles.body("Pwned"), admin));
        assertNotFound(Http.call("DELETE", "/api/v1/admin/profiles/" + foreignProfile, null, admin));
        assertNotFound(Http.call("PATCH", "/api/v1/admin/keys/" + a.secondKeyId(), "{\"profileId\":\"" + foreignProfile + "\"}", admin));
        assertEquals(200, Http.get("/api/v1/admin/profiles/" + foreignProfile, b.administrator().headers()).status(),
                "B's profile is untouched");
    }

    private static void assertDefault(JsonObject profile) {
        assertEquals("Default", profile.getString("name"));
        assertEquals(0, profile.getJsonArray("payloads").size(), "the built-in Default has no payloads");
    }

    private static void assertForbidden(Http.Answer answer) {
        assertEquals(403, answer.status(), answer.body());
        assertEquals("FORBIDDEN", answer.errorCode());
    }

    private static void assertNotFound(Http.Answer answer) {
        assertEquals(404, answer.status(), answer.body());
        assertEquals("NOT_FOUND", answer.errorCode());
    }

    private static String violation(Http.Answer answer) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("BAD_REQUEST", answer.errorCode());
        return answer.json().getJsonArray("violations").getJsonObject(0).getString("field");
    }

    private static JsonObject checkIn(JsonObject activation) {
        Http.Answer answer = Clients.checkIn(activation.getString("activationId"), activation.getString("activationToken"));
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static List<JsonObject> keys(Accounts.Business account) {
        return Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys",
                        Members.administrator(account).headers()).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static String primaryKeyId(Accounts.Business account) {
        return keys(account).stream().filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow()
                .getString("id");
    }

    /** Whether, once the coalesced write of the last signed certificate is stored, check-ins return it unchanged. */
    private static boolean certificateIsReused(JsonObject computer) throws InterruptedException {
        String last = checkIn(computer).getString("certificate");
        for (int i = 0; i < 40; i++) {
            Thread.sleep(250);
            String next = checkIn(computer).getString("certificate");
            if (next.equals(last)) {
                return true;
            }
            last = next;
        }
        return false;
    }

    /** The certificate's payload, decoded as a client would (CONTRACT section 5). */
    private static JsonObject certificatePayload(JsonObject answer) {
        String first = answer.getString("certificate").split("\\.")[0];
        return Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(first), StandardCharsets.UTF_8)))
                .readObject();
    }
}
