package com.keyhold.computer;

/**
 * CSV cells that are safe to open in a spreadsheet (SPEC C7, quality bar "exports are safe"): quoted
 * per RFC 4180, and a cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab
 * or carriage return) is prefixed with an apostrophe so it shows as text.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            text = "'" + text;
        }
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.startsWith("'");
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    public static String row(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values[i]));
        }
        return line.append("\r\n").toString();
    }
}
