package com.keyhold.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * CPU time used by the processes that share this machine's cores during a benchmark run: the
 * server JVM, the check-in edges' Payara Micro JVMs (issue 17; when there are any), the database
 * server and this load generator. Divided by the calls of a run it says
 * where a request's cost goes (ProcessHandle reads it from the operating system; no agent needed).
 */
final class ProcessCpu {

    private final long server;
    private final long edges;
    private final long database;
    private final long generator;

    private ProcessCpu(long server, long edges, long database, long generator) {
        this.server = server;
        this.edges = edges;
        this.database = database;
        this.generator = generator;
    }

    static ProcessCpu now() {
        return new ProcessCpu(cpuOf("glassfish.bootstrap.ASMain"), cpuOf("payara-micro"), cpuOf("mariadbd", "mysqld"),
                ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L));
    }

    /** CPU microseconds per call of each process since {@code before}, as a report line. */
    String perCall(ProcessCpu before, long calls) {
        String edgeShare = edges - before.edges > 0
                ? String.format(Locale.ROOT, ", edges %.0f µs", micros(edges - before.edges, calls)) : "";
        return String.format(Locale.ROOT, "CPU per call: server %.0f µs%s, database %.0f µs, load generator %.0f µs",
                micros(server - before.server, calls), edgeShare, micros(database - before.database, calls),
                micros(generator - before.generator, calls));
    }

    private static double micros(long nanos, long calls) {
        return calls == 0 || nanos < 0 ? Double.NaN : nanos / 1e3 / calls;
    }

    /** The CPU time of every process whose command line names one of these (a second, idle database server adds nothing). */
    private static long cpuOf(String... commandParts) {
        return ProcessHandle.allProcesses().filter(p -> {
            String line = p.info().commandLine().orElse("");
            for (String part : commandParts) {
                if (line.contains(part)) {
                    return true;
                }
            }
            return false;
        }).mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
    }
}
