package com.keyhold.computer;

import com.keyhold.profile.ProfilePayloads;
import com.keyhold.profile.UpgradesPayload;
import com.keyhold.profile.VmImagePayload;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What a check-in needs to know (SPEC C3), read from the database for every check-in: concurrent
 * check-ins are read together, one statement by primary keys for all of them ({@link CoalescedReads}),
 * so 200 computers checking in at once cost a handful of statements and connections instead of 200.
 * Nothing is cached: every check-in is answered by a read that began after it arrived.
 */
@ApplicationScoped
public class CheckInReads {

    /** At most this many activations in one statement. */
    static final int MAX_BATCH = 256;

    // the primary key is called as its subscription is (LicenseKey.getName), through renames of either
    private static final String READ = "SELECT a.id, a.token_hash, a.status, a.key_id,"
            + " CASE WHEN k.type = 'PRIMARY' THEN s.name ELSE k.name END, k.key_value,"
            + " COALESCE(k.custom_expires_on, s.ends_on), s.ends_on, s.product_code,"
            + " EXISTS (SELECT 1 FROM blacklist b WHERE b.key_id = a.key_id AND b.hardware_id = a.hardware_id),"
            + " c.state_hash, c.certificate,"
            + " p.name, p.vm_image_enabled, p.vm_image_url, p.vm_image_checksum, p.vm_name,"
            + " p.upgrades_enabled, p.upgrades_allowed, p.upgrades_target_version"
            + " FROM activations a JOIN license_keys k ON k.id = a.key_id JOIN subscriptions s ON s.id = a.subscription_id"
            + " LEFT JOIN activation_certificates c ON c.activation_id = a.id"
            + " LEFT JOIN configuration_profiles p ON p.id = k.profile_id"
            + " WHERE a.id IN (";

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    private final CoalescedReads<String, CheckInRow> reads = new CoalescedReads<>(this::readAll, MAX_BATCH);

    /** What a check-in needs about this activation, or {@code null} if there is no such activation. */
    public CheckInRow read(String activationId) {
        return reads.read(activationId);
    }

    /** Statements made and activations read since start, for the benchmark's report. */
    public long[] counts() {
        return reads.counts();
    }

    private Map<String, CheckInRow> readAll(List<String> activationIds) {
        StringBuilder sql = new StringBuilder(READ.length() + activationIds.size() * 3).append(READ);
        sql.append(String.join(",", Collections.nCopies(activationIds.size(), "?"))).append(')');
        Map<String, CheckInRow> rows = new HashMap<>();
        try (Connection db = dataSource.getConnection(); PreparedStatement read = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < activationIds.size(); i++) {
                read.setString(i + 1, activationIds.get(i));
            }
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    rows.put(row.getString(1), new CheckInRow(row.getString(2), ActivationStatus.valueOf(row.getString(3)),
                            row.getString(4), row.getString(5), row.getString(6), row.getObject(7, LocalDate.class),
                            row.getObject(8, LocalDate.class), row.getString(9), row.getBoolean(10), row.getString(11),
                            row.getString(12), ProfilePayloads.clientJson(row.getString(13),
                                    new VmImagePayload(row.getBoolean(14), row.getString(15), row.getString(16), row.getString(17)),
                                    new UpgradesPayload(row.getBoolean(18), row.getBoolean(19), row.getString(20)))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("check-in read failed", e);
        }
        return rows;
    }

    /** What a check-in needs, by primary keys. */
    public record CheckInRow(String tokenHash, ActivationStatus status, String keyId, String keyName, String keyValue,
            LocalDate keyExpiresOn, LocalDate subscriptionEndsOn, String productCode, boolean blacklisted,
            String certificateStateHash, String certificate, String profileJson) {
    }
}
