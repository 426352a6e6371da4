package com.keyhold.download;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What an uploaded file is, decided on its content, not its name (issue 16): the leading bytes
 * ("magic numbers") of the document and installer formats a vendor publishes; anything else is
 * refused. And a file name safe to send back in {@code Content-Disposition}: no directories, no
 * control or quoting characters.
 */
public final class UploadedFiles {

    public static final int MAX_NAME = 200;

    private UploadedFiles() {
    }

    /** An upload that passed every check: the name to store and send back, the detected type, the SHA-256 (hex). */
    public record Accepted(String fileName, String contentType, String sha256) {
    }

    /**
     * The one gate of every upload (download files, ticket attachments): not empty, at most
     * {@code maxBytes}, a usable name, a type accepted on its content. Refusals are the CONTRACT's
     * {@code VALIDATION_FAILED} or {@code PAYLOAD_TOO_LARGE} with a sentence for the user.
     */
    public static Accepted accept(String submittedName, byte[] content, int maxBytes, String tooLargeSentence) {
        if (content == null || content.length == 0) {
            throw KeyholdException.badRequest("file", "is empty");
        }
        if (content.length > maxBytes) {
            throw new KeyholdException(ErrorCode.PAYLOAD_TOO_LARGE, tooLargeSentence);
        }
        String name = safeName(submittedName).orElseThrow(() -> KeyholdException.badRequest("fileName", "is required"));
        String type = detect(content).orElseThrow(() -> KeyholdException.badRequest("file",
                "is not a PDF, ZIP, disk image, installer package, PNG or plain text file (decided on its content)"));
        return new Accepted(name, type, sha256(content));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The content type the bytes are, or empty for a type not accepted (executables, scripts, SVG, HTML…). */
    public static Optional<String> detect(byte[] content) {
        if (startsWith(content, "%PDF-")) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, "PK\u0003\u0004")) {
            return Optional.of("application/zip");
        }
        if (startsWith(content, "xar!")) {
            return Optional.of("application/octet-stream"); // a macOS installer package (.pkg)
        }
        if (isDiskImage(content)) {
            return Optional.of("application/x-apple-diskimage");
        }
        if (startsWith(content, "\u0089PNG\r\n\u001a\n")) {
            return Optional.of("image/png");
        }
        if (isPlainText(content)) {
            return Optional.of("text/plain; charset=UTF-8");
        }
        return Optional.empty();
    }

    /**
     * The last path segment of what the browser sent, with anything but letters, digits, dot, dash,
     * underscore and space replaced, never starting with a dot; empty when nothing usable is left.
     */
    public static Optional<String> safeName(String submitted) {
        if (submitted == null) {
            return Optional.empty();
        }
        String name = submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._\\- ]", "_").replaceAll("^[.\\s]+", "").strip();
        if (name.length() > MAX_NAME) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return name.isEmpty() || name.replace("_", "").isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** A UDIF disk image ends with a 512-byte trailer starting "koly". */
    private static boolean isDiskImage(byte[] content) {
        if (content.length < 512) {
            return false;
        }
        int at = content.length - 512;
        return content[at] == 'k' && content[at + 1] == 'o' && content[at + 2] == 'l' && content[at + 3] == 'y';
    }

    /** UTF-8 text without NUL or other control characters than tab and line ends, and not markup. */
    private static boolean isPlainText(byte[] content) {
        if (content.length == 0) {
            return false;
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0)) {
                return false;
            }
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        // markup a browser could run (an SVG or HTML page) is not plain text, whatever the name says
        return !(start.startsWith("<") || start.contains("<script") || start.contains("<svg"));
    }

    private static boolean startsWith(byte[] content, String prefix) {
        if (content.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if ((content[i] & 0xff) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
