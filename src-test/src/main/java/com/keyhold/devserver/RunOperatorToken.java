package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;

/**
 * The run command's own operator API token ({@code keyhold.bootstrap.operator-token}), kept in
 * {@code <keyhold.home>/run-operator.token} (owner-only) so every start passes the same one, and
 * used by the shutdown hook to drain Keyhold before it stops the server (issue 14). A token given
 * with {@code -Dkeyhold.bootstrap.operator-token} is used instead.
 */
final class RunOperatorToken {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private RunOperatorToken() {
    }

    static String of(Path home) {
        String given = System.getProperty("keyhold.bootstrap.operator-token");
        if (given != null && !given.isBlank()) {
            return given;
        }
        Path file = home.resolve("run-operator.token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            SecureRandom random = new SecureRandom();
            StringBuilder token = new StringBuilder(48);
            for (int i = 0; i < 48; i++) {
                token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            Files.createDirectories(home);
            Files.writeString(file, token.toString(), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the home directory's own permissions apply
            }
            return token.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the run command's operator token in " + file, e);
        }
    }

    /** {@code POST /api/v1/operator/maintenance/drain}; logs and goes on when it fails (the server stops anyway). */
    static void drain(int httpPort, String token) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + httpPort + "/api/v1/operator/maintenance/drain"))
                            .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // printed, not logged: in a shutdown hook java.util.logging may already be closed
            System.out.println("Drained before stopping: " + answer.statusCode() + " " + answer.body());
        } catch (IOException e) {
            System.out.println("Could not drain Keyhold before stopping it: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
