package com.keyhold.web.http;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How every uploaded file leaves Keyhold (issue 16: download files, ticket attachments, by page or
 * API): as an attachment under its safe name, with its content-detected type, {@code nosniff} and a
 * sandboxing policy, so that no browser ever renders it as a page of this site, and with its
 * SHA-256 for whoever wants to check it.
 */
public final class AttachmentHeaders {

    private AttachmentHeaders() {
    }

    /** The headers besides the content type; {@code sha256} is hex, as stored. */
    public static Map<String, String> of(String fileName, String sha256) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.put("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)));
        return headers;
    }

    /** Writes the whole file to a servlet response. */
    public static void send(HttpServletResponse response, String fileName, String contentType, String sha256, byte[] content)
            throws IOException {
        response.setContentType(contentType);
        of(fileName, sha256).forEach(response::setHeader);
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
