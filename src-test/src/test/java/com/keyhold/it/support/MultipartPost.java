package com.keyhold.it.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A {@code multipart/form-data} POST as a browser's upload sends it, but at the HTTP level: form
 * fields, then one file whose bytes are produced as they are sent (a 50 MB file is never held in
 * memory), with the length declared; or, on a raw connection, the start of such a request, to see
 * whether the server answers before the rest of the body arrives.
 */
public final class MultipartPost {

    /** The answer, how many body bytes the client sent, and how many the request declared. */
    public record Result(Http.Answer answer, long bodyBytesSent, long declaredLength) {
    }

    private MultipartPost() {
    }

    /** The cookies of a signed-in browser, as one {@code Cookie} header: the session travels with the POST. */
    public static String cookies(Browser browser) {
        return browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * Posts the fields and one file part named {@code fileField}.
     *
     * @param file the file's bytes, opened when the client starts sending
     * @param fileLength how many bytes {@code file} gives
     */
    public static Result send(String url, Map<String, String> fields, String fileField, String fileName, String fileType,
            Supplier<InputStream> file, long fileLength, String... headers) {
        String boundary = "----KeyholdTest" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] headBytes = head.toByteArray();
        long length = headBytes.length + fileLength + tail.length;
        AtomicLong sent = new AtomicLong();
        Supplier<InputStream> body = () -> new Counting(new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(headBytes), file.get(), new ByteArrayInputStream(tail)))), sent);
        HttpRequest.Builder request = Http.request(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length));
        if (headers.length > 0) {
            request.headers(headers);
        }
        Http.Answer answer = Http.send(request.build());
        return new Result(answer, sent.get(), length);
    }

    /** What came back on a raw connection: the status, the headers (lower-case names), the body, and what was sent. */
    public record RawAnswer(int status, Map<String, String> headers, String body, long bodyBytesSent, long declaredLength) {
    }

    /**
     * Declares a file of {@code declaredFileLength} bytes but sends only the first {@code sentFileBytes}
     * of it, then waits (up to 20 s) for the answer on the same connection: a server that answers has
     * decided without reading the body whole. A raw socket, since an HTTP client sends the whole body
     * before it reads the answer. An interim {@code 100 Continue} is skipped.
     */
    public static RawAnswer sendPartially(String url, Map<String, String> fields, String fileField, String fileName,
            String fileType, long declaredFileLength, int sentFileBytes, String... headers) {
        URI uri = URI.create(url);
        String boundary = "----KeyholdTest" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        fields.forEach((name, value) -> write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n"));
        write(head, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n");
        long length = head.size() + declaredFileLength + ("\r\n--" + boundary + "--\r\n").length();
        StringBuilder request = new StringBuilder("POST " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nContent-Type: multipart/form-data; boundary="
                + boundary + "\r\nContent-Length: " + length + "\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            byte[] chunk = new byte[sentFileBytes];
            Arrays.fill(chunk, (byte) 'a');
            out.write(chunk);
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            while (true) {
                String statusLine = line(in);
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                Map<String, String> answerHeaders = new TreeMap<>();
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    int colon = header.indexOf(':');
                    answerHeaders.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).strip());
                }
                if (status == 100) {
                    continue;
                }
                byte[] body;
                if (answerHeaders.containsKey("content-length")) {
                    body = new byte[Integer.parseInt(answerHeaders.get("content-length"))];
                    in.readFully(body);
                } else if ("chunked".equalsIgnoreCase(answerHeaders.get("transfer-encoding"))) {
                    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                    for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                            size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                        byte[] part = new byte[size];
                        in.readFully(part);
                        chunks.write(part);
                        line(in);
                    }
                    body = chunks.toByteArray();
                } else {
                    body = in.readAllBytes();
                }
                return new RawAnswer(status, answerHeaders, new String(body, StandardCharsets.UTF_8),
                        head.size() + (long) sentFileBytes, length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String line(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    /** {@code length} bytes of text, made as they are read. */
    public static InputStream generated(long length, byte fill) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return fill;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, fill);
                left -= n;
                return n;
            }
        };
    }

    private static void write(ByteArrayOutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Counting extends FilterInputStream {

        private final AtomicLong count;

        Counting(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
