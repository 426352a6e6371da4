package com.keyhold.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends every run of the integration tests (the Payara suite, the {@code -Dwildfly} smoke part, the
 * drills) with one line, {@code [keyhold] N passed, N failed}, and the names of the failed tests, so a
 * run is judged by its last line (issue 17). Registered for the JUnit Platform in
 * {@code META-INF/services}; counts tests, not classes. The forked test JVM's output goes to the report
 * files, so the lines are also written to {@code keyhold.summary.file}, which the build prints after
 * the tests (src-test/pom.xml, antrun in {@code post-integration-test}).
 */
public class PassFailSummary implements TestExecutionListener {

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final List<String> failed = new ArrayList<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            if (test.isTest()) {
                passed.incrementAndGet();
            }
        } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            if (test.isTest()) {
                skipped.incrementAndGet();
            }
        } else {
            // a class that failed before its tests (its server, its deployment) counts as one failure
            synchronized (failed) {
                failed.add(test.getLegacyReportingName() + (test.isTest() ? "" : " (the class)"));
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (passed.get() + skipped.get() == 0 && failed.isEmpty()) {
            return; // a run without tests (this module's unit-test phase has none): nothing to sum up
        }
        List<String> lines = new ArrayList<>();
        synchronized (failed) {
            failed.forEach(name -> lines.add("[keyhold] FAILED: " + name));
            lines.add("[keyhold] " + passed.get() + " passed, " + failed.size() + " failed"
                    + (skipped.get() > 0 ? " (" + skipped.get() + " skipped)" : ""));
        }
        lines.forEach(System.out::println);
        String file = System.getProperty("keyhold.summary.file");
        if (file != null) {
            try {
                java.nio.file.Path path = java.nio.file.Path.of(file);
                java.nio.file.Files.createDirectories(path.toAbsolutePath().getParent());
                java.nio.file.Files.write(path, lines);
            } catch (java.io.IOException e) {
                System.err.println("could not write the test summary to " + file + ": " + e);
            }
        }
    }
}
