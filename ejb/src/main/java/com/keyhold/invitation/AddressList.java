package com.keyhold.invitation;

import com.keyhold.user.EmailAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The addresses of the Invite Users dialog (I1), typed or from a one-column CSV file: at most
 * {@link #MAX_ROWS} rows and {@link #MAX_BYTES} bytes, UTF-8 text (a binary file is refused as a
 * whole), an optional header row, quotes and a trailing {@code ,} or {@code ;} tolerated. Valid
 * addresses are kept once each; every other row is listed back with its row number and why.
 */
public final class AddressList {

    public static final int MAX_ROWS = 10_000;
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A row that is not an address, listed back to the administrator, never dropped silently. */
    public record Invalid(int row, String text, String reason) {
    }

    /** The outcome of reading a file or typed list. */
    public record Result(List<String> valid, List<Invalid> invalid) {
    }

    /** A file that cannot be read as a list of addresses at all. */
    public static final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    private AddressList() {
    }

    /** Reads a CSV upload, refusing it before reading more than {@link #MAX_BYTES} + 1 bytes. */
    public static Result fromCsv(InputStream in) throws IOException, Refused {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1; ) {
            bytes.write(buffer, 0, read);
            if (bytes.size() > MAX_BYTES) {
                throw new Refused("The file is larger than 2 MB.");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException binary) {
            throw new Refused("The file is not a text (CSV) file.");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new Refused("The file is not a text (CSV) file.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> rows = text.lines().toList();
        if (rows.size() > MAX_ROWS + 1) {
            throw new Refused("The file has more than " + MAX_ROWS + " rows.");
        }
        return read(rows, true);
    }

    /** Typed addresses (the chips), each one row. */
    public static Result fromTyped(List<String> typed) {
        return read(typed == null ? List.of() : typed, false);
    }

    private static Result read(List<String> rows, boolean mayHaveHeader) {
        Map<String, String> valid = new LinkedHashMap<>();
        List<Invalid> invalid = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String cell = cell(rows.get(i));
            if (cell.isEmpty()) {
                continue;
            }
            if (i == 0 && mayHaveHeader && !cell.contains("@")) {
                continue; // a header such as "email"
            }
            if (valid.size() + invalid.size() >= MAX_ROWS) {
                invalid.add(new Invalid(i + 1, shorten(cell), "more than " + MAX_ROWS + " addresses"));
                continue;
            }
            if (!EmailAddress.isValid(cell)) {
                invalid.add(new Invalid(i + 1, shorten(cell), "not a valid email address"));
            } else if (valid.putIfAbsent(cell.toLowerCase(Locale.ROOT), cell) != null) {
                invalid.add(new Invalid(i + 1, shorten(cell), "listed more than once"));
            }
        }
        return new Result(List.copyOf(valid.values()), invalid);
    }

    /** The row's one cell: without surrounding quotes, spaces and a trailing separator. */
    private static String cell(String row) {
        String cell = row.strip();
        while (cell.endsWith(",") || cell.endsWith(";")) {
            cell = cell.substring(0, cell.length() - 1).strip();
        }
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            cell = cell.substring(1, cell.length() - 1).replace("\"\"", "\"").strip();
        }
        return cell;
    }

    private static String shorten(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
