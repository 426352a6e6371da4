package com.keyhold.it.support;

import com.keyhold.devserver.AppServer;
import com.keyhold.devserver.DatabaseSettings;
import com.keyhold.devserver.Databases;
import com.keyhold.devserver.PayaraDomain;
import com.keyhold.devserver.PayaraMicroEdge;
import com.keyhold.devserver.WildFlyServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server side of a test run, started once for all test classes: a MariaDB (the one configured
 * with {@code KEYHOLD_TEST_DB_HOST}/{@code _PORT}/{@code _USER}/{@code _PASSWORD} or the
 * {@code keyhold.test.db.*} system properties, else an embedded one), an empty {@value #DATABASE}
 * database, a real SMTP server in this JVM (GreenMail, port {@value #SMTP_PORT}) receiving every
 * email the application sends, and a Payara Server domain configured for them. Arquillian deploys
 * the EAR into that domain. With {@code -Dwildfly} (issue 17) the server is a WildFly 38 instead, with
 * the same HTTP port ({@link WildFlyServer}).
 */
public final class KeyholdTestServer implements ExtensionContext.Store.CloseableResource {

    public static final String DATABASE = "keyhold_test";
    public static final int PORT_BASE = 20000;
    public static final String OPERATOR_EMAIL = "operator@it.keyhold.test";
    public static final int SMTP_PORT = PORT_BASE + 25;
    private static final Logger LOG = Logger.getLogger(KeyholdTestServer.class.getName());

    private final Databases.Embedded embedded;
    private final DatabaseSettings database;
    private final DatabaseGate gate;
    private final AppServer domain;
    private final String operatorToken;
    private final GreenMail smtp;
    /** The server's system properties: a check-in edge started beside it gets the same. */
    private final Map<String, String> properties;
    private volatile String routedBaseUrl;

    private KeyholdTestServer(Databases.Embedded embedded, DatabaseSettings database, DatabaseGate gate,
            AppServer domain, String operatorToken, GreenMail smtp, Map<String, String> properties) {
        this.smtp = smtp;
        this.properties = Map.copyOf(properties);
        this.embedded = embedded;
        this.database = database;
        this.gate = gate;
        this.domain = domain;
        this.operatorToken = operatorToken;
    }

    static KeyholdTestServer start() {
        Path work = Path.of(System.getProperty("keyhold.work", "target/it"));
        // the reliability drills stop and start the database themselves: they always take the embedded one
        DatabaseSettings configured = Boolean.getBoolean("keyhold.test.db.embedded") ? null
                : DatabaseSettings.configured("keyhold.test.db").orElse(null);
        Databases.Embedded embedded = configured != null ? null : Databases.startEmbedded(work.resolve("mariadb"), 0);
        DatabaseSettings db = configured != null ? configured : embedded.settings();
        LOG.info("Integration tests use the database server at " + db.host() + ":" + db.port()
                + (embedded != null ? " (embedded)" : " (configured)"));
        Databases.recreate(db, DATABASE);
        boolean wildFly = "wildfly".equals(System.getProperty("keyhold.server"));
        Path payaraHome = Path.of(System.getProperty("keyhold.payara.home"));
        if (!wildFly) {
            Databases.createTimerTable(db, DATABASE, payaraHome); // WildFly creates its own (JBOSS_EJB_TIMER)
        }
        // Keyhold reaches the database through a gate the outage tests cut (issue 14); the benchmarks
        // measure without the relay in between (keyhold.test.db-gate=false)
        DatabaseGate gate = Boolean.parseBoolean(System.getProperty("keyhold.test.db-gate", "true"))
                ? DatabaseGate.start(db.host(), db.port()) : null;
        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String operatorToken = randomAlphanumeric(40);
        Map<String, String> properties = serverProperties(gate != null ? "127.0.0.1" : db.host(),
                gate != null ? gate.port() : db.port(), DATABASE, db, PORT_BASE + 80, operatorToken);
        if (wildFly) {
            return new KeyholdTestServer(embedded, db, gate, startWildFly(work, properties), operatorToken, smtp, properties);
        }

        PayaraDomain domain = new PayaraDomain(payaraHome,
                work.resolve("domains"), "keyhold-test", PORT_BASE);
        domain.createIfAbsent(Path.of(System.getProperty("keyhold.driver")));
        if (domain.isRunning()) {
            domain.stop();
        }
        domain.discardServerLog();
        domain.start();
        domain.setSystemProperties(properties);
        domain.configureHttpListeners();
        domain.storeTimersInKeyholdDatabase("keyhold");
        domain.undeployIfPresent("keyhold");
        return new KeyholdTestServer(embedded, db, gate, domain, operatorToken, smtp, properties);
    }

    /**
     * WildFly 38 from {@code keyhold.wildfly.home}, prepared by {@code wildfly/install.sh} and started with
     * the port offset that gives it Payara's HTTP port ({@value #PORT_BASE} + 80); Arquillian deploys to its
     * management port ({@value #PORT_BASE} + 1990).
     */
    private static WildFlyServer startWildFly(Path work, Map<String, String> properties) {
        WildFlyServer server = new WildFlyServer(Path.of(System.getProperty("keyhold.wildfly.home")), work.resolve("wildfly"),
                PORT_BASE + 80 - 8080);
        server.installKeyhold(Path.of(System.getProperty("keyhold.wildfly.install")));
        if (server.isRunning()) {
            server.stop();
        }
        server.setSystemProperties(properties);
        server.start();
        server.undeployIfPresent("keyhold.ear");
        return server;
    }

    /** The server system properties of a Keyhold test server (glassfish-resources.xml and MicroProfile Config read them). */
    private static Map<String, String> serverProperties(String host, int port, String databaseName, DatabaseSettings db,
            int httpPort, String operatorToken) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("keyhold.db.host", host);
        properties.put("keyhold.db.port", Integer.toString(port));
        properties.put("keyhold.db.name", databaseName);
        properties.put("keyhold.db.user", db.user());
        properties.put("keyhold.db.password", db.password());
        // a local database without TLS; a deployer configures TLS (glassfish-resources.xml, README)
        properties.put("keyhold.db.ssl-mode", System.getProperty("keyhold.db.ssl-mode", "DISABLED"));
        properties.put("keyhold.db.allow-public-key-retrieval",
                System.getProperty("keyhold.db.allow-public-key-retrieval", "true"));
        properties.put("keyhold.mail.host", "localhost");
        properties.put("keyhold.mail.port", Integer.toString(SMTP_PORT));
        properties.put("keyhold.mail.retry-pause-seconds", "3");
        properties.put("keyhold.base-url", "http://localhost:" + httpPort);
        properties.put("keyhold.mail.user", "keyhold");
        properties.put("keyhold.mail.from", "keyhold@it.keyhold.test");
        properties.put("keyhold.bootstrap.operator-email", OPERATOR_EMAIL);
        properties.put("keyhold.bootstrap.operator-token", operatorToken);
        // the benchmarks' yardstick endpoint answers only where they run (mvn verify -Pbench)
        properties.put("keyhold.benchmark.enabled", Boolean.toString(Boolean.getBoolean("keyhold.benchmark.enabled")));
        // timer tests move the server's clock (PUT /api/v1/operator/clock); never set by the run command
        properties.put("keyhold.testing.clock-control", "true");
        // tests stand in for clients behind a reverse proxy by sending X-Forwarded-For from loopback
        properties.put("keyhold.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1,::1");
        // a lower PBKDF2 cost than production's 600,000 keeps the suite fast; the rule is the same
        properties.put("keyhold.password.pbkdf2-iterations", "10000");
        // the tests serve identity providers' JWK sets over plain HTTP on loopback (SPEC O2)
        properties.put("keyhold.sso.jwks-http-hosts", "127.0.0.1,localhost");
        return properties;
    }

    public String baseUrl() {
        String routed = routedBaseUrl;
        return routed != null ? routed : "http://localhost:" + domain.httpPort();
    }

    /**
     * Sends the helpers' requests and the browser's pages ({@link Http}, {@link Browser}) to another
     * Keyhold than this server, on the same database: the two-instance drill's load balancer.
     * {@code null} routes them here again.
     */
    public void routeThrough(String baseUrlOrNull) {
        routedBaseUrl = baseUrlOrNull;
    }

    /** The server's {@code keyhold.*} system properties, for other instances on the same database. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The Payara domain this server runs in (the two-instance drill's administration server). */
    public PayaraDomain payaraDomain() {
        if (!(domain instanceof PayaraDomain payara)) {
            throw new IllegalStateException("not a Payara Server run (-Dwildfly)");
        }
        return payara;
    }

    public String operatorToken() {
        return operatorToken;
    }

    /** The SMTP server that receives the application's emails. */
    public GreenMail smtp() {
        return smtp;
    }

    public Path serverLog() {
        return domain.serverLog();
    }

    /** A connection to the test database, to check what the application stored. */
    public Connection connect() throws SQLException {
        return database.connect(DATABASE);
    }

    /** The gate between Keyhold and its database, for outage tests. */
    public DatabaseGate databaseGate() {
        if (gate == null) {
            throw new IllegalStateException("this run has no database gate (keyhold.test.db-gate=false)");
        }
        return gate;
    }

    /** The embedded database of this run; the drills stop and start it (keyhold.test.db.embedded=true). */
    public Databases.Embedded embeddedDatabase() {
        if (embedded == null) {
            throw new IllegalStateException("this run uses a configured database; the drills need keyhold.test.db.embedded=true");
        }
        return embedded;
    }

    /** A crash: the server JVM is killed with SIGKILL, nothing runs on its way out. */
    public void killServer() {
        domain.killForcibly();
    }

    /**
     * Starts the domain again with the same command as the first time and waits until Keyhold (still
     * deployed in it) answers ready and serves its API, at most three minutes. (Payara's
     * {@code /health/ready} answers UP before any application has loaded.)
     */
    public void restartServer() {
        if (!domain.isRunning()) {
            domain.start();
        }
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (answers200("/health/ready") && answers200("/api/v1/signing-key")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keyhold was not ready three minutes after the restart; see " + serverLog());
    }

    private boolean answers200(String path) throws java.io.IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(baseUrl() + path)
                .toURL().openConnection();
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        try {
            return connection.getResponseCode() == 200;
        } finally {
            connection.disconnect();
        }
    }

    /** A planned stop of the domain ({@code asadmin stop-domain}). */
    public void stopServer() {
        domain.stop();
    }

    /**
     * A planned stop as README "Operations" describes it: the operator's drain
     * ({@code POST /api/v1/operator/maintenance/drain}), then {@code asadmin stop-domain}.
     * @return the drain's answer
     */
    public String drainAndStopServer() {
        Http.Answer drained = Http.postJson("/api/v1/operator/maintenance/drain", "", "Authorization", Http.bearer(operatorToken));
        if (drained.status() != 200) {
            throw new IllegalStateException("the drain answered " + drained.status() + ": " + drained.body());
        }
        domain.stop();
        return drained.body();
    }

    /**
     * A second, fresh Keyhold server on another database of the same MariaDB (the backup drill's
     * restore target): a new domain at {@code portBase}, Keyhold's signing-key encryption key file
     * copied from this server (README "Operations": it is backed up with the database), the same EAR.
     */
    public SecondServer startSecondServer(String databaseName, int portBase) {
        Path work = Path.of(System.getProperty("keyhold.work", "target/it"));
        if (!(domain instanceof PayaraDomain)) {
            throw new IllegalStateException("the backup drill's second server is a Payara domain; run it without -Dwildfly");
        }
        PayaraDomain second = new PayaraDomain(Path.of(System.getProperty("keyhold.payara.home")), work.resolve("domains"),
                "keyhold-" + databaseName.replace('_', '-'), portBase);
        second.createIfAbsent(Path.of(System.getProperty("keyhold.driver")));
        if (second.isRunning()) {
            second.stop();
        }
        try {
            java.nio.file.Files.copy(domain.configDir().resolve("keyhold-signing-encryption.key"),
                    second.configDir().resolve("keyhold-signing-encryption.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        second.discardServerLog();
        second.start();
        second.setSystemProperties(serverProperties(database.host(), database.port(), databaseName, database,
                second.httpPort(), operatorToken));
        second.configureHttpListeners();
        second.storeTimersInKeyholdDatabase("keyhold");
        second.deploy(Path.of(System.getProperty("keyhold.ear")), "keyhold");
        return new SecondServer(second);
    }

    /**
     * A check-in edge (issue 17) beside this server: {@code keyhold-edge.war} on Payara Micro at
     * {@code port}, with this server's system properties (the same database) and its signing key's
     * encryption key file. Started after this server, which migrated the schema and stored the key.
     */
    public PayaraMicroEdge startEdge(int port, String maxHeap) {
        Path work = Path.of(System.getProperty("keyhold.work", "target/it"));
        Map<String, String> edgeProperties = new LinkedHashMap<>(properties);
        edgeProperties.put("keyhold.signing.encryption-key-file",
                domain.configDir().resolve("keyhold-signing-encryption.key").toString());
        return PayaraMicroEdge.start(Path.of(System.getProperty("keyhold.micro.jar")),
                Path.of(System.getProperty("keyhold.edge.war")), Path.of(System.getProperty("keyhold.driver")),
                port, edgeProperties, work.resolve("edges"), maxHeap);
    }

    /** A server started by {@link #startSecondServer}; closing it stops and forgets its domain's deployment. */
    public static final class SecondServer implements AutoCloseable {
        private final PayaraDomain domain;

        private SecondServer(PayaraDomain domain) {
            this.domain = domain;
        }

        public String baseUrl() {
            return "http://localhost:" + domain.httpPort();
        }

        @Override
        public void close() {
            domain.undeployIfPresent("keyhold");
            domain.stop();
        }
    }

    /** The database server's settings (the tests' direct connection, not through the gate). */
    public DatabaseSettings databaseSettings() {
        return database;
    }

    @Override
    public void close() {
        try {
            domain.stop();
        } finally {
            if (gate != null) {
                gate.close();
            }
            smtp.stop();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
