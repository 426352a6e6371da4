package com.keyhold.computer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Writes one batch of coalesced check-ins (SPEC C3) in one transaction: one UPDATE for all its
 * contacts, the certificates as a JDBC batch. The UPDATE names only last contact, app version and host OS: it never touches {@code status},
 * {@code key_id} or the optimistic {@code version}, so it cannot overwrite or conflict with a
 * deactivation, blacklisting or move committed before or after it. Last contact only moves forward,
 * and an app version or host OS reported before the stored last contact (e.g. before a
 * re-activation that reported its own) is not written.
 */
@Stateless
public class CheckInWriter {

    // One statement for the whole batch: the contacts travel as one JSON array parameter, joined to the
    // rows by primary key (JSON_TABLE: MySQL 8, MariaDB 10.6). A thousand single-row UPDATEs cost a
    // thousand statements to encode, parse and execute; this costs one (issue 13). The IFs give the same
    // result whether or not last_contact_at was already moved (a multi-table UPDATE does not promise an
    // order): c.at >= the new GREATEST(old, c.at) exactly when c.at >= old.
    private static final String CONTACTS = "UPDATE activations a JOIN JSON_TABLE(?, '$[*]' COLUMNS ("
            + "id VARCHAR(36) PATH '$.i', at DATETIME(3) PATH '$.t', app VARCHAR(100) PATH '$.v', os VARCHAR(100) PATH '$.o')) c"
            + " ON a.id = c.id COLLATE utf8mb4_bin"
            + " SET a.app_version = IF(c.at >= a.last_contact_at, COALESCE(c.app, a.app_version), a.app_version),"
            + " a.host_os = IF(c.at >= a.last_contact_at, COALESCE(c.os, a.host_os), a.host_os),"
            + " a.last_contact_at = GREATEST(a.last_contact_at, c.at)";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    private static final String CERTIFICATE = "INSERT INTO activation_certificates"
            + " (activation_id, state_hash, certificate, signed_at) VALUES (?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE state_hash = VALUES(state_hash), certificate = VALUES(certificate),"
            + " signed_at = VALUES(signed_at)";

    @Resource(lookup = "java:app/jdbc/keyhold")
    DataSource dataSource;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<PendingCheckIns.Write> writes) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement contacts = db.prepareStatement(CONTACTS);
                PreparedStatement certificate = db.prepareStatement(CERTIFICATE)) {
            StringWriter json = new StringWriter(writes.size() * 120);
            int contactCount = 0;
            int certificates = 0;
            try (JsonGenerator array = JSON.createGenerator(json)) {
                array.writeStartArray();
                for (PendingCheckIns.Write write : writes) {
                    if (write.lastContact() != null) {
                        array.writeStartObject().write("i", write.activationId()).write("t", DATETIME.format(write.lastContact()));
                        if (write.appVersion() != null) {
                            array.write("v", write.appVersion());
                        }
                        if (write.hostOs() != null) {
                            array.write("o", write.hostOs());
                        }
                        array.writeEnd();
                        contactCount++;
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
                array.writeEnd();
            }
            if (contactCount > 0) {
                contacts.setString(1, json.toString());
                contacts.executeUpdate();
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
