package com.keyhold.common;

/**
 * CSV cells that are safe to open in a spreadsheet (SPEC C7, quality bar "exports are safe"; issue
 * 9). Every cell is quoted per RFC 4180. A cell that a spreadsheet would read as a formula (starting
 * with =, +, -, @, tab or carriage return) gets an apostrophe in front so it shows as text; and
 * since a spreadsheet opened with {@code ;} as its separator (the default in much of Europe) splits
 * {@code Mac;=1+1} into two cells whatever the quotes, a formula character right after a {@code ;}
 * or {@code ,} inside a cell is neutralised the same way ({@code Mac;'=1+1}).
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "\"\"";
        }
        StringBuilder text = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean startsACell = i == 0 || value.charAt(i - 1) == ';' || value.charAt(i - 1) == ',';
            if (startsACell && isFormulaStart(c)) {
                text.append('\'');
            }
            if (c == '"') {
                text.append('"');
            }
            text.append(c);
        }
        return "\"" + text + "\"";
    }

    private static boolean isFormulaStart(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
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
