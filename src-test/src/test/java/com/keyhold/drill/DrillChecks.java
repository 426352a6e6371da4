package com.keyhold.drill;

import com.keyhold.drill.DrillLoad.Computer;
import com.keyhold.drill.DrillLoad.State;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill proves after its fault, from the database and through the client API: every computer
 * whose last request was acknowledged is exactly as the client was told (status and key), no key and
 * no subscription holds more active seats than it may, the last contacts acknowledged longer ago
 * than the flush interval are recorded, and the clients' tokens still work. Ambiguous computers
 * (their last request got no answer) must only be in a consistent state.
 */
final class DrillChecks {

    /** The check-in writes' flush interval (the server's default) and the time one flush may take. */
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(1_000);
    static final Duration FLUSH_SLACK = Duration.ofMillis(500);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The outcome of one verification: counts, and a line per loss (none when the drill passes). */
    static final class Verdict {
        int exact;
        int ambiguous;
        int contactsChecked;
        int tokensWorking;
        int certificatesVerified;
        final List<String> losses = new ArrayList<>();

        boolean passed() {
            return losses.isEmpty();
        }

        String summary() {
            return exact + " computers exactly as acknowledged, " + ambiguous + " ambiguous and consistent, "
                    + contactsChecked + " last contacts recorded, " + tokensWorking + " tokens working"
                    + (certificatesVerified > 0 ? ", " + certificatesVerified + " certificates verified" : "")
                    + "; lost: " + losses.size();
        }
    }

    private record Row(String status, String keyName, Instant lastContact) {
    }

    private DrillChecks() {
    }

    /**
     * @param contactsBefore last contacts acknowledged before this instant minus the flush interval
     *                       must be recorded (the moment of the crash or outage; now for a planned stop)
     */
    static Verdict verify(Connection db, String subscriptionId, Collection<Computer> computers, Instant contactsBefore,
            String baseUrl) throws Exception {
        Verdict verdict = new Verdict();
        Map<String, Row> rows = rows(db, subscriptionId);
        Instant contactCutoff = contactsBefore.minus(FLUSH_INTERVAL).minus(FLUSH_SLACK);
        for (Computer computer : computers) {
            Row row = rows.get(computer.hardwareId);
            if (computer.ambiguous) {
                if (row != null && !row.status.equals("ACTIVE") && !row.status.equals("DEACTIVATED")) {
                    verdict.losses.add(computer.hardwareId + ": unexpected status " + row.status);
                } else {
                    verdict.ambiguous++;
                }
                continue;
            }
            String loss = compare(computer, row);
            if (loss != null) {
                verdict.losses.add(computer.hardwareId + ": " + loss);
                continue;
            }
            verdict.exact++;
            if (computer.checkInAnswered != null && computer.checkInAnswered.isBefore(contactCutoff)) {
                verdict.contactsChecked++;
                // DATETIME(3): compared at millisecond precision
                if (row.lastContact.toEpochMilli() < computer.checkInSent.toEpochMilli()) {
                    verdict.losses.add(computer.hardwareId + ": last contact " + row.lastContact
                            + " older than the check-in acknowledged at " + computer.checkInAnswered);
                }
            }
        }
        verdict.losses.addAll(overQuota(db, subscriptionId));
        return verdict;
    }

    /** Every unambiguous client checks in with the token it holds and is answered as it was told. */
    static void tokensWork(Verdict verdict, Collection<Computer> computers, String baseUrl) throws Exception {
        for (Computer computer : computers) {
            if (computer.ambiguous || computer.token == null || computer.state == State.ABSENT) {
                continue;
            }
            HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/client/activations/"
                            + computer.activationId + "/check-in")).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + computer.token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String expected = computer.state.name();
            if (answer.statusCode() != 200) {
                verdict.losses.add(computer.hardwareId + ": its token answers " + answer.statusCode() + " " + answer.body());
                continue;
            }
            JsonObject body = Json.createReader(new StringReader(answer.body())).readObject();
            if (!expected.equals(body.getString("status"))) {
                verdict.losses.add(computer.hardwareId + ": check-in says " + body.getString("status") + ", the client was told " + expected);
            } else if (computer.state == State.ACTIVE && !computer.keyName.equals(body.getString("keyName"))) {
                verdict.losses.add(computer.hardwareId + ": check-in names key " + body.getString("keyName") + ", not " + computer.keyName);
            } else {
                verdict.tokensWorking++;
            }
        }
    }

    /** The certificates the clients hold verify with the server's public key (CONTRACT section 5). */
    static void certificatesVerify(Verdict verdict, Collection<Computer> computers, String baseUrl) throws Exception {
        String encoded = publicKey(baseUrl);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        for (Computer computer : computers) {
            if (computer.certificate == null) {
                continue;
            }
            String[] parts = computer.certificate.split("\\.");
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(parts[0].getBytes(StandardCharsets.US_ASCII));
            if (verifier.verify(Base64.getUrlDecoder().decode(parts[1]))) {
                verdict.certificatesVerified++;
            } else {
                verdict.losses.add(computer.hardwareId + ": its certificate does not verify with the server's public key");
            }
        }
    }

    /** The server's public signing key, base64 X.509 (CONTRACT section 5). */
    static String publicKey(String baseUrl) throws Exception {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/signing-key")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return Json.createReader(new StringReader(answer.body())).readObject().getString("publicKey");
    }

    private static String compare(Computer computer, Row row) {
        return switch (computer.state) {
            case ABSENT -> row == null ? null : "never acknowledged, yet stored as " + row.status;
            case ACTIVE -> row == null ? "acknowledged active on " + computer.keyName + ", missing"
                    : !row.status.equals("ACTIVE") ? "acknowledged active, stored as " + row.status
                    : !row.keyName.equals(computer.keyName) ? "acknowledged on key " + computer.keyName + ", stored on " + row.keyName
                    : null;
            case DEACTIVATED -> row == null ? "acknowledged deactivated, missing"
                    : !row.status.equals("DEACTIVATED") ? "acknowledged deactivated, stored as " + row.status : null;
        };
    }

    private static Map<String, Row> rows(Connection db, String subscriptionId) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT a.hardware_id, a.status,"
                // the key's name as clients are told it: the primary key goes by its subscription's name
                + " CASE WHEN k.type = 'PRIMARY' THEN s.name ELSE k.name END, a.last_contact_at"
                + " FROM activations a JOIN license_keys k ON k.id = a.key_id JOIN subscriptions s ON s.id = a.subscription_id"
                + " WHERE a.subscription_id = ?")) {
            query.setString(1, subscriptionId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new Row(row.getString(2), row.getString(3),
                            row.getTimestamp(4).toLocalDateTime().toInstant(java.time.ZoneOffset.UTC)));
                }
            }
        }
        return rows;
    }

    /** No key above its quota, the subscription not above its seats (the seats are never oversold). */
    static List<String> overQuota(Connection db, String subscriptionId) throws SQLException {
        List<String> losses = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT k.name, k.quota, (SELECT COUNT(*) FROM activations a"
                + " WHERE a.key_id = k.id AND a.status = 'ACTIVE') FROM license_keys k WHERE k.subscription_id = ?")) {
            query.setString(1, subscriptionId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    int quota = row.getInt(2);
                    if (!row.wasNull() && row.getInt(3) > quota) {
                        losses.add("key " + row.getString(1) + " holds " + row.getInt(3) + " active seats, quota " + quota);
                    }
                }
            }
        }
        try (PreparedStatement query = db.prepareStatement("SELECT s.seats, (SELECT COUNT(*) FROM activations a"
                + " WHERE a.subscription_id = s.id AND a.status = 'ACTIVE') FROM subscriptions s WHERE s.id = ?")) {
            query.setString(1, subscriptionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                if (row.getInt(2) > row.getInt(1)) {
                    losses.add("the subscription holds " + row.getInt(2) + " active seats of " + row.getInt(1));
                }
            }
        }
        return losses;
    }
}
