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
                // Written to a temporary file that is owner-only from its creation (never readable by
                // others, not even for a moment), then linked into place: the link fails if another
                // start won the race, and no reader ever sees a half-written key.
                Path written = createOwnerOnly(file.resolveSibling(file.getFileName() + ".new-" + ProcessHandle.current().pid()));
                try {
                    Files.writeString(written, Base64.getEncoder().encodeToString(PrivateKeyCipher.newKey()),
                            StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    Files.createLink(file, written);
                } catch (FileAlreadyExistsException anotherStartWon) {
                    // read what the other writer created
                } finally {
                    Files.deleteIfExists(written);
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

    /** Creates an empty file readable and writable by its owner only (rw-------) from the start. */
    static Path createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file); // Windows: the file inherits the domain folder's ACL
        }
    }
}
