package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A check-in edge (issue 17, README "Scaling out"): {@code keyhold-edge.war} on a Payara Micro
 * instance of its own, beside the full server, on the same database and with the same signing key.
 * Started as {@code java -jar payara-micro.jar --deploy keyhold-edge.war --contextroot / --port N
 * --nocluster --addLibs <JDBC driver> --systemProperties <file>}: the same {@code keyhold.*} system
 * properties as the full server, which the WAR's {@code WEB-INF/glassfish-resources.xml} (the
 * repository's one file) and MicroProfile Config read. {@code --nocluster}: edges share nothing but
 * the database, so they need no Hazelcast grid.
 */
public final class PayaraMicroEdge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PayaraMicroEdge.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final int port;
    private final Path log;

    private PayaraMicroEdge(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts an edge and waits until its client API answers.
     *
     * @param properties the full server's {@code keyhold.*} system properties, with
     *                   {@code keyhold.signing.encryption-key-file} naming the server's key file
     * @param workDir    where the instance keeps its files and its log ({@code edge-<port>.log})
     */
    public static PayaraMicroEdge start(Path microJar, Path edgeWar, Path jdbcDriver, int port,
            Map<String, String> properties, Path workDir, String maxHeap) {
        try {
            Files.createDirectories(workDir);
            Path propertiesFile = workDir.resolve("edge-" + port + ".properties");
            Properties values = new Properties();
            values.putAll(properties);
            try (var out = Files.newBufferedWriter(propertiesFile, StandardCharsets.ISO_8859_1)) {
                values.store(out, "system properties of the check-in edge on port " + port);
            }
            Path log = workDir.resolve("edge-" + port + ".log");
            Path root = workDir.resolve("edge-" + port);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + maxHeap,
                    "-jar", microJar.toString(),
                    "--deploy", edgeWar.toString(), "--contextroot", "/",
                    "--port", Integer.toString(port), "--nocluster", "--nohostaware",
                    "--addLibs", jdbcDriver.toString(),
                    "--systemProperties", propertiesFile.toString(),
                    "--rootdir", root.toString()));
            LOG.info("Starting a check-in edge: " + String.join(" ", command));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            PayaraMicroEdge edge = new PayaraMicroEdge(process, port, log);
            edge.awaitReady();
            return edge;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the instance wrote to its standard output and error. */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the check-in edge on port " + port + " exited with "
                        + process.exitValue() + ":\n" + tail());
            }
            if (signingKeyAnswers()) {
                LOG.info("Check-in edge ready on port " + port);
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the check-in edge on port " + port + " did not answer within " + START_TIMEOUT
                + ":\n" + tail());
    }

    /** GET /api/v1/signing-key answers 200 once the WAR is deployed and the signing key loaded. */
    private boolean signingKeyAnswers() {
        return HttpProbe.status(port, "/api/v1/signing-key") == 200;
    }

    private String tail() {
        String all = Files.exists(log) ? log() : "";
        return all.length() > 6000 ? all.substring(all.length() - 6000) : all;
    }

    /**
     * Stops the instance as an operator would (SIGTERM): Payara Micro undeploys the WAR, so the edge's
     * pending coalesced check-ins are written before it exits.
     */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
