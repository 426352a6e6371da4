package com.keyhold.computer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * Writes one batch of coalesced check-ins (SPEC C3) in one transaction of batched statements. The
 * UPDATE names only last contact, app version and host OS: it never touches {@code status},
 * {@code key_id} or the optimistic {@code version}, so it cannot overwrite or conflict with a
 * deactivation, blacklisting or move committed before or after it. Last contact only moves forward,
 * and an app version or host OS reported before the stored last contact (e.g. before a
 * re-activation that reported its own) is not written.
 */
@Stateless
public class CheckInWriter {

    // MySQL and MariaDB assign left to right: the IFs compare with the stored last contact before it moves
    private static final String CONTACT = "UPDATE activations SET"
            + " app_version = IF(? >= last_contact_at, COALESCE(?, app_version), app_version),"
            + " host_os = IF(? >= last_contact_at, COALESCE(?, host_os), host_os),"
            + " last_contact_at = GREATEST(last_contact_at, ?)"
            + " WHERE id = ?";
    private static final String CERTIFICATE = "INSERT INTO activation_certificates"
            + " (activation_id, state_hash, certificate, signed_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE state_hash = VALUES(state_hash), certificate = VALUES(certificate),"
            + " signed_at = VALUES(signed_at)";

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<PendingCheckIns.Write> writes) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement contact = db.prepareStatement(CONTACT);
                PreparedStatement certificate = db.prepareStatement(CERTIFICATE)) {
            int contacts = 0;
            int certificates = 0;
            for (PendingCheckIns.Write write : writes) {
                if (write.lastContact() != null) {
                    Timestamp at = Timestamp.from(write.lastContact());
                    contact.setTimestamp(1, at);
                    contact.setString(2, write.appVersion());
                    contact.setTimestamp(3, at);
                    contact.setString(4, write.hostOs());
                    contact.setTimestamp(5, at);
                    contact.setString(6, write.activationId());
                    contact.addBatch();
                    contacts++;
                }
                if (write.certificate() != null) {
                    certificate.setString(1, write.activationId());
                    certificate.setString(2, write.certificate().stateHash());
                    certificate.setString(3, write.certificate().document());
                    certificate.setTimestamp(4, Timestamp.from(write.certificate().signedAt()));
                    certificate.addBatch();
                    certificates++;
                }
            }
            if (contacts > 0) {
                contact.executeBatch();
            }
            if (certificates > 0) {
                certificate.executeBatch();
            }
        } catch (SQLException e) {
            // a system exception: the container rolls the batch back and the coalescer keeps it
            throw new IllegalStateException("check-in batch not written", e);
        }
    }
}
