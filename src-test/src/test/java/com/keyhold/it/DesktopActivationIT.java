package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.Subscriptions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The desktop client API (CONTRACT section 2) on subscriptions issued through the operator API (section 7). */
@KeyholdIntegrationTest
class DesktopActivationIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void exactlyTheFreeSeatsAreSoldUnder200ConcurrentActivations_C1_L5() throws Exception {
        Subscriptions.Issued subscription = Subscriptions.desktop(20);
        List<Callable<Http.Answer>> attempts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            attempts.add(() -> Clients.activate(subscription.primaryKey(), Clients.newHardwareId()));
        }
        List<Http.Answer> answers = Concurrently.run(attempts);
        Map<String, Long> outcomes = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() + (a.status() >= 400 ? " " + a.errorCode() : ""), Collectors.counting()));
        assertEquals(Map.of("201", 20L, "409 NO_SEATS_AVAILABLE", 180L), outcomes);
        assertEquals(20, activeActivations(subscription.id()));
    }

    @Test
    void reactivatingTheSameComputerIsIdempotentAndReplacesTheToken_C1() {
        Subscriptions.Issued subscription = Subscriptions.desktop(1);
        String hardwareId = Clients.newHardwareId();
        Http.Answer first = Clients.activate(subscription.primaryKey(), hardwareId);
        assertEquals(201, first.status(), first.body());
        Http.Answer again = Clients.activate(subscription.primaryKey().toLowerCase().replace("-", " "), hardwareId);
        assertEquals(200, again.status(), "the same hardware id on the same key: the same activation, " + again.body());

        assertEquals(first.json().getString("activationId"), again.json().getString("activationId"), "stable id");
        assertNotEquals(first.json().getString("activationToken"), again.json().getString("activationToken"));
        assertEquals(1, activeActivations(subscription.id()), "one seat");
        Http.Answer oldToken = Clients.checkIn(first.json().getString("activationId"), first.json().getString("activationToken"));
        assertEquals(401, oldToken.status(), "the previous token stops working");
        assertEquals("UNAUTHORIZED", oldToken.errorCode());
        assertTrue(oldToken.header("WWW-Authenticate").isPresent());
        Http.Answer newToken = Clients.checkIn(again.json().getString("activationId"), again.json().getString("activationToken"));
        assertEquals(200, newToken.status(), newToken.body());
        assertEquals("ACTIVE", newToken.json().getString("status"));
    }

    @Test
    void activationAnswersWhatTheContractPromises_contract2() {
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer answer = Clients.activate(subscription.primaryKey(), Clients.newHardwareId());
        assertEquals(201, answer.status(), answer.body());
        JsonObject body = answer.json();
        assertEquals("ACTIVE", body.getString("status"));
        assertTrue(body.getString("activationToken").length() >= 26, "at least 128 bits");
        assertEquals(TODAY.plusYears(1).plusDays(1) + "T00:00:00Z", body.getString("expiresAt"),
                "valid through the end date, 23:59:59 UTC");
        long next = body.getJsonNumber("nextCheckInSeconds").longValue();
        assertTrue(next >= 12 * 3600 && next <= 36 * 3600, "a random 12 to 36 hours: " + next);
        assertEquals("Default", body.getJsonObject("configurationProfile").getString("name"));
        assertTrue(body.getString("keyName").startsWith("Keyhold Desktop Business Edition - 5 computers"));
    }

    @Test
    void theCertificateVerifiesWithThePublishedKeyAndATamperedOneDoesNot_S9() throws Exception {
        Subscriptions.Issued subscription = Subscriptions.desktop(2);
        JsonObject activation = Clients.activate(subscription.primaryKey(), Clients.newHardwareId()).json();
        String certificate = activation.getString("certificate");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(Http.get("/api/v1/signing-key").json().getString("publicKey"))));

        String[] parts = certificate.split("\\.");
        assertTrue(verifies(key, parts[0], parts[1]));
        JsonObject payload = Json.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))).readObject();
        assertEquals("computer", payload.getString("type"));
        assertEquals(activation.getString("activationId"), payload.getString("subject"));
        assertEquals("ACTIVE", payload.getString("status"));
        assertEquals(1, payload.getInt("seats"));
        assertTrue(payload.getString("licenseKey").matches("XXXXXX-XXXXXX-XXXXXX-XXXXXX-[0-9A-Z]{6}"), "masked (L9)");
        assertTrue(payload.getString("licenseKey").endsWith(subscription.primaryKey().substring(28)));
        assertTrue(payload.containsKey("issuedAt") && payload.containsKey("expiresAt")
                && payload.containsKey("configurationProfile"));

        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.toString().replace("\"seats\":1", "\"seats\":1000").getBytes(StandardCharsets.UTF_8));
        assertFalse(verifies(key, forged, parts[1]), "a tampered certificate fails verification");
    }

    @Test
    void checkInAcceptsAnEmptyBodyWithOrWithoutContentType_contract2() {
        Subscriptions.Issued subscription = Subscriptions.desktop(1);
        JsonObject activation = Clients.activate(subscription.primaryKey(), Clients.newHardwareId()).json();
        String path = "/api/v1/client/activations/" + activation.getString("activationId") + "/check-in";
        String bearer = Http.bearer(activation.getString("activationToken"));
        Http.Answer noType = Http.send(Http.request(path).header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, noType.status(), noType.body());
        Http.Answer jsonType = Http.send(Http.request(path).header("Authorization", bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, jsonType.status(), jsonType.body());
        Http.Answer noToken = Http.send(Http.request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, noToken.status());
    }

    @Test
    void aClientThatDeactivatesItselfFreesItsSeatAtOnce_C4() {
        Subscriptions.Issued subscription = Subscriptions.desktop(1);
        JsonObject first = Clients.activate(subscription.primaryKey(), Clients.newHardwareId()).json();
        String second = Clients.newHardwareId();
        Http.Answer refused = Clients.activate(subscription.primaryKey(), second);
        assertEquals(409, refused.status());
        assertEquals("NO_SEATS_AVAILABLE", refused.errorCode());

        Http.Answer deactivated = Http.send(Http.request("/api/v1/client/activations/" + first.getString("activationId"))
                .header("Authorization", Http.bearer(first.getString("activationToken"))).DELETE().build());
        assertEquals(204, deactivated.status(), deactivated.body());

        assertEquals(201, Clients.activate(subscription.primaryKey(), second).status(), "the seat was free at once");
        Http.Answer checkIn = Clients.checkIn(first.getString("activationId"), first.getString("activationToken"));
        assertEquals("DEACTIVATED", checkIn.json().getString("status"));
    }

    @Test
    void aDeactivatedComputerReactivatesUnderItsStableId_C1() {
        Subscriptions.Issued subscription = Subscriptions.desktop(1);
        String hardwareId = Clients.newHardwareId();
        JsonObject first = Clients.activate(subscription.primaryKey(), hardwareId).json();
        Http.send(Http.request("/api/v1/client/activations/" + first.getString("activationId"))
                .header("Authorization", Http.bearer(first.getString("activationToken"))).DELETE().build());
        Http.Answer again = Clients.activate(subscription.primaryKey(), hardwareId);
        assertEquals(200, again.status(), again.body());
        assertEquals(first.getString("activationId"), again.json().getString("activationId"));
        assertEquals("ACTIVE", again.json().getString("status"));
    }

    @Test
    void badKeysAndRequestsAreRefusedWithTheirCodes_contract2() {
        assertEquals("INVALID_KEY", Clients.activate("0000AA-0000AA-0000AA-0000AA-0000AA", Clients.newHardwareId()).errorCode());
        Http.Answer malformed = Clients.activate("not a key", Clients.newHardwareId());
        assertEquals(404, malformed.status());
        assertEquals("INVALID_KEY", malformed.errorCode());
        Http.Answer noHardware = Http.postJson("/api/v1/client/activations", "{\"key\":\"0000AA-0000AA-0000AA-0000AA-0000AA\"}");
        assertEquals(400, noHardware.status());
        assertEquals("BAD_REQUEST", noHardware.errorCode());
        Http.Answer tooLong = Clients.activate(Subscriptions.desktop(1).primaryKey(), "H".repeat(129));
        assertEquals(400, tooLong.status());
    }

    @Test
    void subscriptionsActivateOnlyWithinTheirDates_L1_L2() {
        Subscriptions.Issued future = Subscriptions.issue("DESKTOP", 5, TODAY.plusDays(3), TODAY.plusYears(1));
        Http.Answer early = Clients.activate(future.primaryKey(), Clients.newHardwareId());
        assertEquals(403, early.status());
        assertEquals("SUBSCRIPTION_NOT_STARTED", early.errorCode());

        Subscriptions.Issued lastDayToday = Subscriptions.issue("DESKTOP", 5, TODAY.minusYears(1), TODAY);
        assertEquals(201, Clients.activate(lastDayToday.primaryKey(), Clients.newHardwareId()).status(),
                "valid through its end date");

        Subscriptions.Issued ended = Subscriptions.issue("DESKTOP", 5, TODAY.minusYears(1), TODAY.minusDays(1));
        Http.Answer late = Clients.activate(ended.primaryKey(), Clients.newHardwareId());
        assertEquals(403, late.status());
        assertEquals("SUBSCRIPTION_EXPIRED", late.errorCode());
    }

    @Test
    void operatorRenewalsShowAtTheNextCheckIn_O1_C3() {
        Subscriptions.Issued subscription = Subscriptions.desktop(3);
        JsonObject activation = Clients.activate(subscription.primaryKey(), Clients.newHardwareId()).json();
        LocalDate newEnd = TODAY.plusYears(2);
        Http.Answer renewed = Http.postJson("/api/v1/operator/subscriptions/" + subscription.id() + "/renewals",
                "{\"endsAt\":\"" + newEnd + "\"}", "Authorization", Subscriptions.operator());
        assertEquals(200, renewed.status(), renewed.body());
        Http.Answer checkIn = Clients.checkIn(activation.getString("activationId"), activation.getString("activationToken"));
        assertEquals(newEnd.plusDays(1) + "T00:00:00Z", checkIn.json().getString("expiresAt"));
    }

    @Test
    void theOperatorCannotCutSeatsBelowWhatIsInUse_L6() {
        Subscriptions.Issued subscription = Subscriptions.desktop(3);
        Clients.activate(subscription.primaryKey(), Clients.newHardwareId());
        Clients.activate(subscription.primaryKey(), Clients.newHardwareId());
        String path = "/api/v1/operator/subscriptions/" + subscription.id() + "/seats";
        Http.Answer tooFew = Http.send(Http.request(path).header("Authorization", Subscriptions.operator())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"seats\":1}")).build());
        assertEquals(409, tooFew.status(), tooFew.body());
        assertEquals("INSUFFICIENT_SEATS", tooFew.errorCode());
        assertEquals(3, seatsOf(subscription.id()), "nothing changed");
        Http.Answer enough = Http.send(Http.request(path).header("Authorization", Subscriptions.operator())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"seats\":2}")).build());
        assertEquals(200, enough.status(), enough.body());
        assertEquals(2, seatsOf(subscription.id()));
    }

    @Test
    void theOperatorApiValidatesWhatItIssues_O1() {
        Http.Answer answer = Http.postJson("/api/v1/operator/subscriptions",
                "{\"product\":\"NOPE\",\"seats\":0,\"startsAt\":\"2026-01-02\",\"endsAt\":\"2026-01-01\"}",
                "Authorization", Subscriptions.operator());
        assertEquals(400, answer.status());
        String fields = answer.json().getJsonArray("violations").stream()
                .map(v -> v.asJsonObject().getString("field")).sorted().distinct().collect(Collectors.joining(","));
        assertEquals("endsAt,product,seats", fields);
        assertEquals(404, Http.postJson("/api/v1/operator/subscriptions/nope/renewals", "{\"endsAt\":\"2030-01-01\"}",
                "Authorization", Subscriptions.operator()).status());
    }

    @Test
    void theOperatorDefinesAnAddOnProductAndIssuesItWithASubscription_O1_L1() {
        String code = "SUITE_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Http.Answer defined = Http.postJson("/api/v1/operator/products", "{\"code\":\"" + code
                + "\",\"name\":\"Design Suite\",\"kind\":\"ADD_ON\",\"business\":true}", "Authorization", Subscriptions.operator());
        assertEquals(201, defined.status(), defined.body());
        assertEquals(400, Http.postJson("/api/v1/operator/products", "{\"code\":\"" + code
                + "\",\"name\":\"Again\",\"kind\":\"ADD_ON\"}", "Authorization", Subscriptions.operator()).status(), "codes are unique");
        assertTrue(Http.get("/api/v1/operator/products", "Authorization", Subscriptions.operator()).body().contains(code));

        Http.Answer issued = Http.postJson("/api/v1/operator/subscriptions", "{\"product\":\"DESKTOP\",\"seats\":5,\"startsAt\":\""
                + TODAY + "\",\"endsAt\":\"" + TODAY.plusYears(1) + "\",\"addOns\":[{\"product\":\"" + code + "\",\"quantity\":5}]}",
                "Authorization", Subscriptions.operator());
        assertEquals(201, issued.status(), issued.body());
        assertEquals(1, queryInt("SELECT COUNT(*) FROM subscription_add_ons WHERE subscription_id = ? AND quantity = 5",
                issued.json().getString("id")));
        String userEmail = com.keyhold.it.support.Users.uniqueEmail("notop");
        com.keyhold.it.support.Users.signUp(userEmail);
        assertEquals(401, Http.postJson("/api/v1/operator/products", "{}", "Authorization",
                Http.bearer(com.keyhold.it.support.Users.tokenFor(userEmail))).status(), "customers cannot define products");
    }

    private static boolean verifies(PublicKey key, String payloadPart, String signaturePart) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(payloadPart.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(signaturePart));
    }

    private static int activeActivations(String subscriptionId) {
        return queryInt("SELECT COUNT(*) FROM activations WHERE subscription_id = ? AND status = 'ACTIVE'", subscriptionId);
    }

    private static int seatsOf(String subscriptionId) {
        return queryInt("SELECT seats FROM subscriptions WHERE id = ?", subscriptionId);
    }

    static String queryString(String sql, String parameter) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int queryInt(String sql, String parameter) {
        try (Connection db = KeyholdServerExtension.server().connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
