package com.keyhold.signing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one signing key pair of this Keyhold installation. The private key is stored only encrypted
 * (AES-GCM with a key from configuration or from a file beside the server's configuration).
 */
@Entity
@Table(name = "signing_keys")
public class SigningKeyRecord {

    /** There is one key; a fixed id makes a second concurrent insert fail rather than add a second key. */
    public static final int CURRENT = 1;

    @Id
    private int id;

    @Column(nullable = false, length = 16)
    private String algorithm;

    @Lob
    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Lob
    @Column(name = "private_key_encrypted", nullable = false)
    private byte[] privateKeyEncrypted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKeyRecord() {
    }

    public SigningKeyRecord(String algorithm, byte[] publicKey, byte[] privateKeyEncrypted, Instant now) {
        this.id = CURRENT;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.privateKeyEncrypted = privateKeyEncrypted.clone();
        this.createdAt = now;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public byte[] getPublicKey() {
        return publicKey.clone();
    }

    public byte[] getPrivateKeyEncrypted() {
        return privateKeyEncrypted.clone();
    }
}
