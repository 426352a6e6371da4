package com.keyhold.computer;

import com.keyhold.licensekey.KeySeats;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.SeatPool;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Everything an activation by license key can be refused for, read from committed data in one
 * statement, without the subscription's lock (issue 13: 500 activations at once on 50 seats; the 450
 * that cannot succeed are told so in one round trip instead of five through JPA, and do not queue
 * at the lock). A refusal read from committed data is as true as one read under the lock (seats only
 * ever free up by a commit that the refused client could not have seen anyway); a grant is decided
 * again under the lock by {@link ActivationService}.
 */
@ApplicationScoped
public class ActivationPrecheck {

    /**
     * One row per key of the typed key's subscription: its seats and use, and for the typed key the
     * facts of SPEC C1/C5. Counting active installations per key uses {@code ix_activations_key_status}.
     */
    private static final String READ = "SELECT k.id, k.type, k.quota, COALESCE(k.custom_expires_on, s.ends_on),"
            + " (SELECT COUNT(*) FROM activations a WHERE a.key_id = k.id AND a.status = 'ACTIVE'),"
            + " t.id, COALESCE(t.custom_expires_on, s.ends_on), s.seats, s.starts_on, s.ends_on, p.kind,"
            + " EXISTS (SELECT 1 FROM blacklist b WHERE b.key_id = t.id AND b.hardware_id = ?),"
            + " EXISTS (SELECT 1 FROM activations e WHERE e.subscription_id = s.id AND e.hardware_id = ?), s.license_type"
            + " FROM license_keys t JOIN subscriptions s ON s.id = t.subscription_id"
            + " JOIN products p ON p.code = s.product_code JOIN license_keys k ON k.subscription_id = s.id"
            + " WHERE t.key_value = ?";

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    /** What committed data says about activating this computer with this key. */
    public record Facts(String keyId, boolean perComputerProduct, LocalDate startsOn, LocalDate endsOn,
            LocalDate keyExpiresOn, boolean blacklisted, boolean knownComputer, SeatPool pool, boolean singleSignOn) {
    }

    /** The facts, or {@code null} if no key has this (normalised) value. */
    public Facts read(String keyValue, String hardwareId, LocalDate today) {
        try (Connection db = dataSource.getConnection(); PreparedStatement read = db.prepareStatement(READ)) {
            read.setString(1, hardwareId);
            read.setString(2, hardwareId);
            read.setString(3, keyValue);
            try (ResultSet row = read.executeQuery()) {
                List<KeySeats> keys = new ArrayList<>();
                Facts typed = null;
                int seats = 0;
                while (row.next()) {
                    LocalDate endsOn = row.getObject(10, LocalDate.class);
                    int quota = row.getInt(3);
                    boolean noQuota = row.wasNull();
                    keys.add(new KeySeats(row.getString(1), KeyType.valueOf(row.getString(2)), noQuota ? 0 : quota,
                            row.getInt(5), today.isAfter(endsOn) || today.isAfter(row.getObject(4, LocalDate.class))));
                    if (typed == null) {
                        seats = row.getInt(8);
                        typed = new Facts(row.getString(6), "PER_COMPUTER".equals(row.getString(11)),
                                row.getObject(9, LocalDate.class), endsOn, row.getObject(7, LocalDate.class),
                                row.getBoolean(12), row.getBoolean(13), null, "SSO".equals(row.getString(14)));
                    }
                }
                return typed == null ? null : new Facts(typed.keyId(), typed.perComputerProduct(), typed.startsOn(),
                        typed.endsOn(), typed.keyExpiresOn(), typed.blacklisted(), typed.knownComputer(),
                        new SeatPool(seats, keys), typed.singleSignOn());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("activation check failed", e);
        }
    }
}
