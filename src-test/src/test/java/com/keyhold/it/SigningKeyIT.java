package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import jakarta.json.JsonObject;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** SPEC S9 and CONTRACT section 5: one Ed25519 key pair per installation, its public half published. */
@KeyholdIntegrationTest
class SigningKeyIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void thePublishedKeyIsAnEd25519SubjectPublicKeyInfo_S9() throws Exception {
        Http.Answer answer = Http.get("/api/v1/signing-key");
        assertEquals(200, answer.status());
        JsonObject body = answer.json();
        assertEquals("Ed25519", body.getString("algorithm"));
        PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body.getString("publicKey"))));
        assertEquals("EdDSA", key.getAlgorithm());
        assertEquals(body.getString("publicKey"), Http.get("/api/v1/signing-key").json().getString("publicKey"),
                "the key is stable");
    }

    @Test
    void theKeyPairIsStoredOnceWithThePrivatePartEncrypted_S9() throws Exception {
        byte[] published = Base64.getDecoder().decode(Http.get("/api/v1/signing-key").json().getString("publicKey"));
        try (Connection db = KeyholdServerExtension.server().connect(); Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT algorithm, public_key, private_key_encrypted FROM signing_keys")) {
            assertTrue(row.next());
            assertEquals("Ed25519", row.getString("algorithm"));
            assertTrue(Arrays.equals(published, row.getBytes("public_key")));
            byte[] encrypted = row.getBytes("private_key_encrypted");
            // A PKCS#8 Ed25519 key starts with this DER header; encrypted bytes must not.
            byte[] pkcs8Header = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70};
            assertFalse(Arrays.equals(pkcs8Header, Arrays.copyOf(encrypted, pkcs8Header.length)));
            assertTrue(encrypted.length >= 12 + 48 + 16, "nonce, key and GCM tag");
            assertFalse(row.next(), "one key pair per installation");
        }
    }
}
