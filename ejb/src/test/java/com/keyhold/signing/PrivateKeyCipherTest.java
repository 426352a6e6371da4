package com.keyhold.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC S9: the private signing key is stored only encrypted. */
class PrivateKeyCipherTest {

    private final byte[] secret = "pkcs8 bytes of a private key".getBytes();

    @Test
    void encryptedBytesDoNotContainThePlaintextAndDecryptBack() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(PrivateKeyCipher.newKey());
        byte[] sealed = cipher.encrypt(secret);
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("pkcs8"));
        assertArrayEquals(secret, cipher.decrypt(sealed));
    }

    @Test
    void eachEncryptionUsesAFreshNonce() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(PrivateKeyCipher.newKey());
        assertFalse(Arrays.equals(cipher.encrypt(secret), cipher.encrypt(secret)));
    }

    @Test
    void aWrongKeyFailsLoudly() {
        byte[] sealed = new PrivateKeyCipher(PrivateKeyCipher.newKey()).encrypt(secret);
        PrivateKeyCipher other = new PrivateKeyCipher(PrivateKeyCipher.newKey());
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed));
    }

    @Test
    void alteredCiphertextFailsLoudly() {
        PrivateKeyCipher cipher = new PrivateKeyCipher(PrivateKeyCipher.newKey());
        byte[] sealed = cipher.encrypt(secret);
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed));
    }

    @Test
    void keysOfTheWrongSizeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PrivateKeyCipher(new byte[16]));
    }

    @Test
    void aConfiguredKeyWinsOverTheFile(@TempDir Path dir) {
        byte[] configured = PrivateKeyCipher.newKey();
        Path file = dir.resolve("config/key");
        assertArrayEquals(configured,
                EncryptionKeySource.resolve(Optional.of(Base64.getEncoder().encodeToString(configured)), file));
        assertFalse(Files.exists(file), "no file is written when a key is configured");
    }

    @Test
    void withoutConfigurationAKeyFileIsGeneratedOnceAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config/keyhold-signing-encryption.key");
        byte[] first = EncryptionKeySource.resolve(Optional.empty(), file);
        byte[] second = EncryptionKeySource.resolve(Optional.empty(), file);
        assertEquals(PrivateKeyCipher.KEY_BYTES, first.length);
        assertArrayEquals(first, second);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aConfiguredKeyOfTheWrongLengthIsRefused(@TempDir Path dir) {
        assertThrows(IllegalStateException.class, () -> EncryptionKeySource.resolve(
                Optional.of(Base64.getEncoder().encodeToString(new byte[10])), dir.resolve("k")));
    }
}
