package com.keyhold.devserver;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * The run command's mail catcher (issue 12): when no SMTP server is configured, Keyhold's invitations
 * and password resets go to GreenMail standalone (from Maven Central) instead of nowhere. It keeps
 * every message it receives, creates a mailbox per recipient, and serves them on a small web API
 * ({@code /api/user/{address}/messages/}) and over IMAP, so a newcomer can follow every link.
 *
 * <p>It runs as its own JVM: the standalone jar carries its own Jersey and Log4j, which must not mix
 * with this launcher's classes. A catcher left over from a killed run is reused, not started twice.
 */
final class MailCatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailCatcher.class.getName());

    private final Process process;
    private final int smtpPort;
    private final int webPort;

    private MailCatcher(Process process, int smtpPort, int webPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.webPort = webPort;
    }

    /** Starts the catcher (SMTP on {@code smtpPort}, IMAP on 3143, web API on {@code webPort}) or reuses a running one. */
    static MailCatcher start(Path jar, Path logFile, int smtpPort, int webPort) throws IOException, InterruptedException {
        if (answers(webPort)) {
            LOG.info("A mail catcher already answers on port " + webPort + "; using it");
            return new MailCatcher(null, smtpPort, webPort);
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The mail catcher " + jar + " is missing; run the README's run command (mvn -Prun package)");
        }
        Files.createDirectories(logFile.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx128m",
                "-Dgreenmail.hostname=127.0.0.1", "-Dgreenmail.auth.disabled",
                "-Dgreenmail.smtp.port=" + smtpPort, "-Dgreenmail.imap.port=3143",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + webPort,
                "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!answers(webPort)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("The mail catcher did not start; see " + logFile);
            }
            Thread.sleep(250);
        }
        return new MailCatcher(process, smtpPort, webPort);
    }

    int smtpPort() {
        return smtpPort;
    }

    /** Where a recipient's messages are listed. */
    String mailboxUrl(String address) {
        return "http://localhost:" + webPort + "/api/user/" + address + "/messages/";
    }

    String webUrl() {
        return "http://localhost:" + webPort + "/";
    }

    private static boolean answers(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/user").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }
}
