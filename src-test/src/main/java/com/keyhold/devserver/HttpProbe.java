package com.keyhold.devserver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * Waits for a server started by the harness (a Payara domain, an instance of a deployment group, a
 * Payara Micro edge) to answer: a bare HTTP/1.0 GET on a plain socket, so that no client library's
 * connection pool or retries stand between the harness and what the listener does.
 */
final class HttpProbe {

    private HttpProbe() {
    }

    /**
     * Whether {@code GET path} on 127.0.0.1:{@code port} answers with a status {@code accepted} takes
     * within {@code patience}, asking every half second.
     */
    static boolean answers(int port, String path, IntPredicate accepted, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            int status = status(port, path);
            if (status > 0 && accepted.test(status)) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** The status of one {@code GET path}, or -1 when nothing answered (refused, reset or silent). */
    static int status(int port, String path) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String line = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return line.startsWith("HTTP/1.") && line.length() == 12 ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException nothing) {
            return -1;
        }
    }
}
