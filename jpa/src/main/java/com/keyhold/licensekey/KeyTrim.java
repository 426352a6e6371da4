package com.keyhold.licensekey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key whose quota was decreased below its active installations by more than one batch (SPEC L7,
 * issue 13): the excess is deactivated in bounded transactions by the key trimmer, which deletes this
 * row when none is left. The row only says "trim this key"; how many to deactivate is counted again
 * in every batch, so concurrent deactivations, a second decrease or a crash never miscount it.
 */
@Entity
@Table(name = "key_trims")
public class KeyTrim {

    @Id
    @Column(name = "key_id", length = 36)
    private String keyId;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    protected KeyTrim() {
    }

    public KeyTrim(String keyId, Instant requestedAt) {
        this.keyId = keyId;
        this.requestedAt = requestedAt;
    }

    public String getKeyId() {
        return keyId;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
