package com.keyhold.devserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A WildFly 38 installation that runs Keyhold (issue 17), unpacked by the build from
 * {@code org.wildfly:wildfly-dist}: prepared once by the repository's {@code wildfly/install.sh}
 * (EclipseLink and Connector/J modules, then {@code keyhold.cli}: datasource, mail session, timers in
 * Keyhold's database, Jakarta Security, upload size, MicroProfile Health), then started with
 * {@code standalone-full.xml}, a port offset and Keyhold's properties file ({@code -P}). The HTTP port
 * is {@code 8080 + offset}, the management port (deployments, {@code /health}) {@code 9990 + offset}.
 */
public final class WildFlyServer implements AppServer {

    private static final Logger LOG = Logger.getLogger(WildFlyServer.class.getName());

    private final Path home;
    private final Path work;
    private final int portOffset;
    private Process process;

    public WildFlyServer(Path home, Path work, int portOffset) {
        this.home = home;
        this.work = work;
        this.portOffset = portOffset;
    }

    @Override
    public int httpPort() {
        return 8080 + portOffset;
    }

    public int managementPort() {
        return 9990 + portOffset;
    }

    @Override
    public Path serverLog() {
        return home.resolve("standalone/log/server.log");
    }

    @Override
    public Path configDir() {
        return home.resolve("standalone/configuration");
    }

    /** Runs {@code wildfly/install.sh} on this installation unless it ran already (it says so and changes nothing). */
    public void installKeyhold(Path installScript) {
        run(List.of("bash", installScript.toString(), home.toString()), Duration.ofMinutes(5));
    }

    /** Writes the properties file that {@code standalone.sh -P} reads: Keyhold's keyhold.* settings. */
    public void setSystemProperties(Map<String, String> properties) {
        try {
            Files.createDirectories(work);
            Files.writeString(propertiesFile(), properties.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\")).collect(Collectors.joining("\n", "", "\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean isRunning() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", managementPort()), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Starts the server and waits (at most three minutes) until its management port reports it ready. */
    @Override
    public void start() {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.socket.binding.port-offset=" + portOffset, "-P", propertiesFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("wildfly-console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("WildFly did not start; see " + work.resolve("wildfly-console.log"));
            }
            sleep(250);
        }
        LOG.info("WildFly runs at http://localhost:" + httpPort() + " (management " + managementPort() + ")");
    }

    private boolean ready() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + managementPort() + "/health/ready")
                    .toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (isRunning()) {
            run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect", "--controller=127.0.0.1:" + managementPort(),
                    "--command=:shutdown(suspend-timeout=10)"), Duration.ofMinutes(1));
        }
        if (process != null) {
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void killForcibly() {
        if (process == null) {
            throw new IllegalStateException("this WildFly was not started here");
        }
        // standalone.sh runs the server JVM as its child: kill the whole tree
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Undeploys a deployment left by an earlier run (the deployment scanner's folder and the management model). */
    public void undeployIfPresent(String runtimeName) {
        run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect", "--controller=127.0.0.1:" + managementPort(),
                "--command=undeploy " + runtimeName), Duration.ofMinutes(2), true);
    }

    private Path propertiesFile() {
        return work.resolve("keyhold.properties");
    }

    private void run(List<String> command, Duration patience) {
        run(command, patience, false);
    }

    private void run(List<String> command, Duration patience, boolean mayFail) {
        try {
            Files.createDirectories(work);
            Path output = work.resolve("command.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process running = builder.start();
            if (!running.waitFor(patience.toSeconds(), TimeUnit.SECONDS)) {
                running.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + patience);
            }
            if (running.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
