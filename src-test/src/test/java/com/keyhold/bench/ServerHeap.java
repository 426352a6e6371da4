package com.keyhold.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's live heap, from the JDK's own tool ({@code jcmd <pid> GC.class_histogram}). Used
 * heap sampled without a collection counts garbage, so it says more about the collector than about
 * what code keeps.
 */
final class ServerHeap {

    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private ServerHeap() {
    }

    /**
     * Bytes of live objects on the server's heap: the total of {@code GC.class_histogram}, which
     * counts them in the pause of its own full collection. (Used heap read after {@code GC.run} was
     * no good: the export allocated some 60 MB of new garbage in the second between the two calls.)
     */
    static long liveBytes() {
        Matcher total = TOTAL.matcher(jcmd(serverPid(), "GC.class_histogram"));
        if (!total.find()) {
            throw new IllegalStateException("GC.class_histogram printed no total");
        }
        return Long.parseLong(total.group(1));
    }

    /** The classes holding the most of the server's heap right now, after a full collection. */
    static String histogram(int top) {
        String out = jcmd(serverPid(), "GC.class_histogram");
        return out.lines().skip(1).limit(top + 2L).map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
    }

    private static long serverPid() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("glassfish.bootstrap.ASMain"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no server JVM found")).pid();
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + command + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
