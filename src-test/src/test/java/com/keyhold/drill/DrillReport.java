package com.keyhold.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A drill's runs, printed as they finish and appended to {@code bench/drills/<date>.md}; ends
 * with the {@code N passed, N failed} line the README quotes.
 */
final class DrillReport {

    private static final Path RESULTS = Path.of(System.getProperty("keyhold.drill.results", "../bench/drills"));

    private final String drill;
    private final List<String> lines = new ArrayList<>();
    private int passed;
    private int failed;

    DrillReport(String drill) {
        this.drill = drill;
    }

    void run(int number, boolean ok, String figures, List<String> losses) {
        if (ok) {
            passed++;
        } else {
            failed++;
        }
        String line = "- run " + number + ": " + (ok ? "passed" : "FAILED") + ". " + figures;
        lines.add(line);
        losses.stream().limit(10).forEach(loss -> lines.add("  - " + loss));
        System.out.println("[" + drill + "] " + line);
        losses.stream().limit(10).forEach(loss -> System.out.println("[" + drill + "]   " + loss));
    }

    int failed() {
        return failed;
    }

    /** Prints and records the closing line; returns it. */
    String finish() {
        String closing = passed + " passed, " + failed + " failed";
        System.out.println("[" + drill + "] " + closing);
        try {
            Files.createDirectories(RESULTS);
            Path file = RESULTS.resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
            StringBuilder text = new StringBuilder();
            if (!Files.exists(file)) {
                text.append("# Drill results, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n")
                        .append("Written by `mvn -pl src-test verify -Pdrills` (README \"Operations\").\n");
            }
            text.append("\n## ").append(drill).append("\n\n");
            lines.forEach(line -> text.append(line).append('\n'));
            text.append("\n**").append(closing).append("**\n");
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return closing;
    }
}
