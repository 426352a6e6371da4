package com.keyhold.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the key that encrypts the signing key comes from: configuration when the deployer gives one
 * (base64 of 32 bytes), otherwise a file generated once beside the server's configuration, so the
 * default works out of the box and the secret never sits in the database it protects.
 */
public final class EncryptionKeySource {

    private EncryptionKeySource() {
    }

    public static byte[] resolve(Optional<String> configuredBase64, Path fallbackFile) {
        if (configuredBase64.isPresent() && !configuredBase64.get().isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configuredBase64.get().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("keyhold.signing.encryption-key is not base64", e);
            }
            if (key.length != PrivateKeyCipher.KEY_BYTES) {
                throw new IllegalStateException("keyhold.signing.encryption-key must decode to "
                        + PrivateKeyCipher.KEY_BYTES + " bytes");
            }
            return key;
        }
        return readOrCreate(fallbackFile);
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(PrivateKeyCipher.newKey()),
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(file);
                } catch (FileAlreadyExistsException anotherStartWon) {
                    // read what the other writer created
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != PrivateKeyCipher.KEY_BYTES) {
                throw new IllegalStateException(file + " does not hold a " + PrivateKeyCipher.KEY_BYTES + "-byte key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing-key encryption key " + file, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the domain folder's ACL
        }
    }
}
