package com.keyhold.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one summary table of a benchmark run (issue 13): every benchmark adds its rows, with the same
 * columns as the README's Performance table, to {@code bench/results/<date>.md} (created with its
 * header on the day's first row; a second run the same day appends a new section), so the next round
 * compares against files, not memory. Figures only: whether a target is met is written by the
 * benchmark from its own measurement, never asserted.
 */
final class BenchSummary {

    private static final Path RESULTS = Path.of(System.getProperty("keyhold.bench.results", "../bench/results"));
    private static boolean sectionStarted;

    private BenchSummary() {
    }

    /** One row: what was measured, the figure, the target, and met / missed (or "" when there is no target). */
    static synchronized void add(String benchmark, String figure, String target, String verdict) {
        try {
            Files.createDirectories(RESULTS);
            Path file = RESULTS.resolve(LocalDate.now(ZoneOffset.UTC) + ".md");
            StringBuilder text = new StringBuilder();
            if (!Files.exists(file)) {
                text.append("# Benchmark results, ").append(LocalDate.now(ZoneOffset.UTC)).append("\n\n")
                        .append("Written by `mvn -pl src-test verify -Pbench` (bench/README.md); machine: ")
                        .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                        .append(System.getProperty("java.version")).append(".\n");
            }
            if (!sectionStarted) {
                text.append("\n## Run started ").append(java.time.Instant.now()).append("\n\n")
                        .append("| benchmark | figure | target | |\n|---|---|---|---|\n");
                sectionStarted = true;
            }
            text.append("| ").append(cell(benchmark)).append(" | ").append(cell(figure)).append(" | ").append(cell(target))
                    .append(" | ").append(cell(verdict)).append(" |\n");
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("summary: " + benchmark + " | " + figure + " | " + target + " | " + verdict);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "met" or "**missed**", as the README's table writes them. */
    static String verdict(boolean met) {
        return met ? "met" : "**missed**";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
