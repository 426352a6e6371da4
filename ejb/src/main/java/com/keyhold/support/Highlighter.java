package com.keyhold.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching words of a knowledge-base search, highlighted (SPEC T4): a snippet of the text around
 * the first match, HTML-escaped, with each searched word (and words it begins, as "activat" in
 * "activation") wrapped in {@code <mark>}. Everything else is escaped, so an article's text can never
 * inject markup into the page.
 */
public final class Highlighter {

    static final int SNIPPET = 240;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{2,}");

    private Highlighter() {
    }

    /** The words of a query, lower case, as FULLTEXT sees them (letters and digits, two or more). */
    public static List<String> words(String query) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(query == null ? "" : query);
        while (m.find() && words.size() < 20) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /** The whole text, escaped, with the words marked. */
    public static String mark(String text, List<String> words) {
        return markRange(text, words, 0, text.length());
    }

    /** About {@value #SNIPPET} characters around the first match (the start when none), escaped and marked. */
    public static String snippet(String text, List<String> words) {
        int first = -1;
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            int at = lower.indexOf(word);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        int start = Math.max(0, first < 0 ? 0 : first - SNIPPET / 3);
        int end = Math.min(text.length(), start + SNIPPET);
        return (start > 0 ? "… " : "") + markRange(text, words, start, end) + (end < text.length() ? " …" : "");
    }

    private static String markRange(String text, List<String> words, int start, int end) {
        StringBuilder html = new StringBuilder();
        Matcher m = WORD.matcher(text).region(start, end);
        int at = start;
        while (m.find()) {
            String token = m.group().toLowerCase(Locale.ROOT);
            if (words.stream().anyMatch(token::startsWith)) {
                html.append(escape(text.substring(at, m.start()))).append("<mark>").append(escape(m.group())).append("</mark>");
                at = m.end();
            }
        }
        return html.append(escape(text.substring(at, end))).toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
