package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Works around a Payara Server bug in the server this build unzips, never in Keyhold itself.
 *
 * <p>Payara's built-in {@code metrics.xml} publishes one metric per JDBC pool through the
 * connection-pool health checker and parses the service name up to the pool name's last '/'. An
 * application-scoped pool (Keyhold's glassfish-resources.xml declares {@code java:app/jdbc/keyhold-pool})
 * always has one, so every {@code GET /metrics} fails with 500 (Payara issue 6041). A domain's own
 * {@code config/metrics.xml} is merged with the built-in one, not used instead, so the entry is
 * removed from the module's copy. The README tells deployers of their own Payara Server the same.
 */
public final class PayaraPatches {

    private static final Pattern POOL_METRICS = Pattern.compile(
            "\\s*<metadata>(?:(?!</metadata>).)*healthcheck-cpool(?:(?!</metadata>).)*</metadata>", Pattern.DOTALL);

    private PayaraPatches() {
    }

    /** @return true when the module was changed now, false when it was already patched or is absent */
    public static boolean removeConnectionPoolMetrics(Path payaraHome) {
        Path module = payaraHome.resolve("glassfish/modules/microprofile-metrics.jar");
        if (!Files.exists(module)) {
            return false;
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + module.toUri()), Map.of())) {
            Path config = jar.getPath("metrics.xml");
            if (!Files.exists(config)) {
                return false;
            }
            String builtIn = Files.readString(config, StandardCharsets.UTF_8);
            String patched = POOL_METRICS.matcher(builtIn).replaceAll("");
            if (patched.equals(builtIn)) {
                return false;
            }
            Files.writeString(config, patched, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not patch " + module, e);
        }
    }
}
