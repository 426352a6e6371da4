package com.keyhold.computer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A (license key, hardware id) pair refused activation (SPEC C5); another key still works. */
@Entity
@Table(name = "blacklist")
@IdClass(BlacklistEntry.Pair.class)
public class BlacklistEntry {

    /** The composite key. */
    public static class Pair implements Serializable {
        private static final long serialVersionUID = 1L;
        private String keyId;
        private String hardwareId;

        public Pair() {
        }

        public Pair(String keyId, String hardwareId) {
            this.keyId = keyId;
            this.hardwareId = hardwareId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Pair p && Objects.equals(keyId, p.keyId) && Objects.equals(hardwareId, p.hardwareId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(keyId, hardwareId);
        }
    }

    @Id
    @Column(name = "key_id", length = 36)
    private String keyId;

    @Id
    @Column(name = "hardware_id", length = 128)
    private String hardwareId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BlacklistEntry() {
    }

    public BlacklistEntry(String keyId, String hardwareId, Instant now) {
        this.keyId = keyId;
        this.hardwareId = hardwareId;
        this.createdAt = now;
    }
}
