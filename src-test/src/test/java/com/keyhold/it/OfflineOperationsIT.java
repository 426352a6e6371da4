package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Proxies;
import com.keyhold.it.support.Subscriptions;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The fleet product offline (SPEC S3, S4, S7, S9; CONTRACT section 4) through the admin API: a closed
 * network's proxy activates, refreshes and deactivates with request files only; the key stays in use
 * until the deactivation file arrives; hostile, stale, replayed and foreign files are refused and
 * change nothing.
 */
@KeyholdIntegrationTest
class OfflineOperationsIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theLifeCycleWithRequestFilesOnly_S3_S4_S7() {
        Accounts.Business account = Proxies.accountWithFleet(25);
        String[] admin = Members.administrator(account).headers();
        String key = account.subscription().primaryKey();
        String activation = Proxies.requestFile("ACTIVATE", "licenseKey", key, "C01", Instant.now());

        Http.Answer disabled = Proxies.upload(activation, admin);
        assertEquals(403, disabled.status(), disabled.body());
        assertEquals("OFFLINE_NOT_ENABLED", disabled.errorCode());
        enableOffline(account.accountId(), true);

        Http.Answer activated = Proxies.upload(activation, admin);
        assertEquals(200, activated.status(), activated.body());
        assertTrue(activated.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"));
        String activationKey = Proxies.text(activated.body(), "/o:offlineResponse/o:activationKey");
        assertEquals("ACTIVATE", Proxies.text(activated.body(), "/o:offlineResponse/@type"));
        assertEquals("ACTIVE", Proxies.text(activated.body(), "/o:offlineResponse/o:status"));
        assertEquals("25", Proxies.text(activated.body(), "/o:offlineResponse/o:maxManagedComputers"));
        assertEquals("true", Proxies.text(activated.body(), "/o:offlineResponse/o:offlineUse"));
        assertTrue(Proxies.verify(Proxies.text(activated.body(), "/o:offlineResponse/o:document")).isPresent(),
                "the response file's document is signed (S9)");

        Http.Answer replayed = Proxies.upload(activation, admin);
        assertEquals(409, replayed.status(), replayed.body());
        assertEquals("REQUEST_REPLAYED", replayed.errorCode(), "one request file is honoured once");

        Http.Answer refreshed = Proxies.upload(Proxies.requestFile("REFRESH", "activationKey", activationKey, "C01", Instant.now()), admin);
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals("REFRESH", Proxies.text(refreshed.body(), "/o:offlineResponse/@type"));

        // S7: the portal deactivates an offline proxy: it keeps the key until its deactivation file is uploaded
        String proxyId = ProxyLicensingSoapIT.proxyOf(account, "C01").getString("id");
        Http.Answer pending = Http.postJson("/api/v1/admin/proxies/" + proxyId + "/deactivation", "", admin);
        assertEquals("PENDING_RELEASE", pending.json().getString("status"), pending.body());
        Proxies.Soap stillInUse = Proxies.call("ActivateLicense", Map.of("licenseKey", key, "serverName", "new", "siteCode", "C02"));
        assertEquals("KEY_IN_USE", stillInUse.faultCode(), "the key stays in use while pending release");

        enableOffline(account.accountId(), false); // a deactivation file is accepted even so (S7)
        Http.Answer released = Proxies.upload(Proxies.requestFile("DEACTIVATE", "activationKey", activationKey, "C01", Instant.now()), admin);
        assertEquals(200, released.status(), released.body());
        assertEquals("DEACTIVATED", Proxies.text(released.body(), "/o:offlineResponse/o:status"));
        Proxies.activate(key, "C02"); // the key is free
    }

    @Test
    void releaseNowFreesTheKeyOfALostOfflineProxyOnceConfirmed_S7() {
        Accounts.Business account = Proxies.accountWithFleet(5);
        String[] admin = Members.administrator(account).headers();
        enableOffline(account.accountId(), true);
        assertEquals(200, Proxies.upload(Proxies.requestFile("ACTIVATE", "licenseKey", account.subscription().primaryKey(), "L01",
                Instant.now()), admin).status());
        String proxyId = ProxyLicensingSoapIT.proxyOf(account, "L01").getString("id");
        Http.Answer early = Http.postJson("/api/v1/admin/proxies/" + proxyId + "/release", "{\"confirm\":true}", admin);
        assertEquals(400, early.status(), "deactivate first: " + early.body());
        assertEquals("PENDING_RELEASE", Http.postJson("/api/v1/admin/proxies/" + proxyId + "/deactivation", "", admin)
                .json().getString("status"));
        Http.Answer unconfirmed = Http.postJson("/api/v1/admin/proxies/" + proxyId + "/release", "{}", admin);
        assertEquals("CONFIRMATION_REQUIRED", unconfirmed.errorCode(), unconfirmed.body());
        Http.Answer released = Http.postJson("/api/v1/admin/proxies/" + proxyId + "/release", "{\"confirm\":true}", admin);
        assertEquals("DEACTIVATED", released.json().getString("status"), released.body());
        assertTrue(Http.get("/api/v1/admin/activity?action=PROXY.RELEASED", admin).body().contains(proxyId),
                "recorded in the activity log");
        Proxies.activate(account.subscription().primaryKey(), "L02");
    }

    @Test
    void hostileStaleAndForeignFilesAreRefusedAndChangeNothing_S3_S9() throws Exception {
        Accounts.Business account = Proxies.accountWithFleet(5);
        Accounts.Business other = Proxies.accountWithFleet(5);
        String[] admin = Members.administrator(account).headers();
        enableOffline(account.accountId(), true);
        String key = account.subscription().primaryKey();
        String fresh = Proxies.requestFile("ACTIVATE", "licenseKey", key, "H01", Instant.now());

        String externalEntity = "<?xml version=\"1.0\"?><!DOCTYPE offlineRequest [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + fresh.substring(fresh.indexOf("<offlineRequest")).replace("H01</siteCode>", "&x;</siteCode>");
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + fresh.substring(fresh.indexOf("<offlineRequest")).replace("H01</siteCode>", "&lol3;</siteCode>");
        String doctypeOnly = "<?xml version=\"1.0\"?><!DOCTYPE offlineRequest SYSTEM \"http://127.0.0.1:1/evil.dtd\">"
                + fresh.substring(fresh.indexOf("<offlineRequest"));
        for (String hostile : List.of(externalEntity, billionLaughs, doctypeOnly, "not xml at all", "<offlineRequest/>")) {
            Http.Answer refused = Proxies.upload(hostile, admin);
            assertEquals(400, refused.status(), hostile + " → " + refused.body());
            assertEquals("BAD_REQUEST", refused.errorCode());
        }
        Http.Answer stale = Proxies.upload(Proxies.requestFile("ACTIVATE", "licenseKey", key, "H01",
                Instant.now().minus(Duration.ofDays(31))), admin);
        assertEquals(400, stale.status(), "older than 30 days: " + stale.body());

        Http.Answer foreign = Proxies.upload(Proxies.requestFile("ACTIVATE", "licenseKey", other.subscription().primaryKey(), "H01",
                Instant.now()), admin);
        assertEquals(404, foreign.status(), foreign.body());
        assertEquals("NOT_FOUND", foreign.errorCode(), "another account's key is not found (S3)");
        Http.Answer intoOther = Proxies.upload(Proxies.requestFile("ACTIVATE", "licenseKey", other.subscription().primaryKey(), "H01",
                Instant.now()), "Authorization", account.bearer(), "X-Account-Id", other.accountId());
        assertEquals(404, intoOther.status(), "acting in another account: " + intoOther.body());
        assertEquals("NOT_FOUND", intoOther.errorCode());

        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(twentyMegabytes, (byte) 'a');
        Http.Answer tooLarge = Http.send(Http.request("/api/v1/admin/offline-requests").header("Content-Type", "application/xml")
                .headers(admin).POST(HttpRequest.BodyPublishers.ofByteArray(twentyMegabytes)).build());
        assertEquals(413, tooLarge.status());
        assertEquals("PAYLOAD_TOO_LARGE", tooLarge.errorCode());

        assertEquals(0, count("SELECT COUNT(*) FROM proxy_servers WHERE account_id = ?", account.accountId()), "nothing activated");
        assertEquals(0, count("SELECT COUNT(*) FROM offline_request_nonces WHERE account_id = ?", account.accountId()),
                "no nonce spent by a refused file");
        assertEquals(200, Proxies.upload(fresh, admin).status(), "the key is still free for a good file");
    }

    @Test
    void twoUploadsOfOneFileAtOnceAreHonouredOnce_S9() {
        Accounts.Business account = Proxies.accountWithFleet(5);
        String[] admin = Members.administrator(account).headers();
        enableOffline(account.accountId(), true);
        String file = Proxies.requestFile("ACTIVATE", "licenseKey", account.subscription().primaryKey(), "D01", Instant.now());
        Callable<Http.Answer> upload = () -> Proxies.upload(file, admin);
        List<Http.Answer> answers = Concurrently.run(List.of(upload, upload));
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), answers.toString());
        assertEquals(1, answers.stream().filter(a -> a.status() == 409 && "REQUEST_REPLAYED".equals(a.errorCode())).count(),
                answers.toString());
    }

    @Test
    void offlineOperationsAreSwitchedByOperatorsOnly_S3() {
        Accounts.Business account = Proxies.accountWithFleet(5);
        Http.Answer byAdmin = Http.call("PUT", "/api/v1/operator/accounts/" + account.accountId() + "/offline-operations",
                "{\"enabled\":true}", Members.administrator(account).headers());
        assertEquals(401, byAdmin.status(), byAdmin.body());
        Http.Answer unknown = Http.call("PUT", "/api/v1/operator/accounts/00000000-0000-0000-0000-000000000000/offline-operations",
                "{\"enabled\":true}", "Authorization", Subscriptions.operator());
        assertEquals(404, unknown.status());
        Http.Answer missing = Http.call("PUT", "/api/v1/operator/accounts/" + account.accountId() + "/offline-operations", "{}",
                "Authorization", Subscriptions.operator());
        assertEquals(400, missing.status());
    }

    static void enableOffline(String accountId, boolean enabled) {
        Http.Answer answer = Http.call("PUT", "/api/v1/operator/accounts/" + accountId + "/offline-operations",
                "{\"enabled\":" + enabled + "}", "Authorization", Subscriptions.operator());
        assertEquals(200, answer.status(), answer.body());
        assertEquals(enabled, answer.json().getBoolean("offlineOperations"));
    }

    private static long count(String sql, String parameter) throws Exception {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
