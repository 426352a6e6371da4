package com.keyhold.signing;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The server's Ed25519 key pair (SPEC S9): generated on first start, kept in the database with the
 * private part encrypted, held in memory afterwards. Loaded at first use: the full server loads (and
 * on its first start generates) it right after the schema migration (the server module's
 * SigningKeyAtStartup); a check-in edge, which runs no migration, loads the key the server stored.
 */
@Singleton
@Lock(LockType.READ)
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class.getName());

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    private PublicKey publicKey;
    private PrivateKey privateKey;

    @PostConstruct
    void loadOrGenerate() {
        Config config = ConfigProvider.getConfig();
        PrivateKeyCipher cipher = new PrivateKeyCipher(EncryptionKeySource.resolve(
                config.getOptionalValue("keyhold.signing.encryption-key", String.class),
                defaultKeyFile(config)));
        SigningKeyRecord stored = em.find(SigningKeyRecord.class, SigningKeyRecord.CURRENT);
        try {
            KeyFactory factory = KeyFactory.getInstance(SignedDocuments.ALGORITHM);
            if (stored == null) {
                KeyPair pair = KeyPairGenerator.getInstance(SignedDocuments.ALGORITHM).generateKeyPair();
                em.persist(new SigningKeyRecord(SignedDocuments.ALGORITHM, pair.getPublic().getEncoded(),
                        cipher.encrypt(pair.getPrivate().getEncoded()), clock.instant()));
                LOG.info("Generated this installation's Ed25519 signing key pair");
                publicKey = pair.getPublic();
                privateKey = pair.getPrivate();
            } else {
                publicKey = factory.generatePublic(new X509EncodedKeySpec(stored.getPublicKey()));
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(cipher.decrypt(stored.getPrivateKeyEncrypted())));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    private static Path defaultKeyFile(Config config) {
        return config.getOptionalValue("keyhold.signing.encryption-key-file", String.class)
                .map(Path::of)
                .orElseGet(() -> {
                    String instanceRoot = System.getProperty("com.sun.aas.instanceRoot",
                            System.getProperty("jboss.server.config.dir", System.getProperty("user.home") + "/.keyhold"));
                    return Path.of(instanceRoot, "config", "keyhold-signing-encryption.key");
                });
    }

    /** The public key as X.509 SubjectPublicKeyInfo, as CONTRACT section 5 publishes it. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Signs a JSON payload into the compact document format of CONTRACT section 5. */
    public String sign(String payloadJson) {
        return SignedDocuments.sign(payloadJson, privateKey);
    }
}
