package com.keyhold.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptionKeySourceTest {

    @TempDir
    Path folder;

    @Test
    void theGeneratedKeyFileIsReadableByItsOwnerOnlyAndReadBackTheSame() throws Exception {
        Path file = folder.resolve("config/keyhold-signing-encryption.key");

        byte[] created = EncryptionKeySource.resolve(Optional.empty(), file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(PrivateKeyCipher.KEY_BYTES, created.length);
        assertArrayEquals(created, EncryptionKeySource.resolve(Optional.empty(), file), "the same key at the next start");
        try (var left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }

    @Test
    void anOwnerOnlyFileIsCreatedWithThosePermissions() throws Exception {
        Path file = EncryptionKeySource.createOwnerOnly(folder.resolve("secret"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
