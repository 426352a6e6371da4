package com.keyhold.download;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Version strings in the order people expect (SPEC T3's version selector, newest first): numbers
 * compare as numbers, part by part, so {@code 20.1.10} is newer than {@code 20.1.2} and
 * {@code 20.1.2-55742} newer than {@code 20.1.2}; text parts compare as text.
 */
public final class Versions {

    private static final Pattern PART = Pattern.compile("\\d+|[^\\d.\\-_ ]+");

    /** Oldest first; {@link #NEWEST_FIRST} is its reverse. */
    public static final Comparator<String> OLDEST_FIRST = Versions::compare;
    public static final Comparator<String> NEWEST_FIRST = OLDEST_FIRST.reversed();

    private Versions() {
    }

    public static List<String> newestFirst(java.util.Collection<String> versions) {
        return versions.stream().distinct().sorted(NEWEST_FIRST).toList();
    }

    static int compare(String a, String b) {
        Matcher left = PART.matcher(a);
        Matcher right = PART.matcher(b);
        while (true) {
            boolean moreLeft = left.find();
            boolean moreRight = right.find();
            if (!moreLeft || !moreRight) {
                return Boolean.compare(moreLeft, moreRight);
            }
            String l = left.group();
            String r = right.group();
            boolean numbers = Character.isDigit(l.charAt(0)) && Character.isDigit(r.charAt(0));
            int order = numbers ? compareNumbers(l, r) : l.compareToIgnoreCase(r);
            if (order != 0) {
                return order;
            }
        }
    }

    private static int compareNumbers(String l, String r) {
        String a = l.replaceFirst("^0+(?=\\d)", "");
        String b = r.replaceFirst("^0+(?=\\d)", "");
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }
}
