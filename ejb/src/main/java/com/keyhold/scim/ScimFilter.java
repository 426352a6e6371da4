package com.keyhold.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters identity providers send when they look a user or group up before provisioning
 * (RFC 7644 section 3.4.2.2): equality on one attribute, or several joined by {@code and}, e.g.
 * {@code userName eq "ann@example.com"}, {@code externalId eq "0a1b…"},
 * {@code emails[type eq "work"].value eq "ann@example.com"}, {@code displayName eq "Sales"}.
 * Attribute names compare without case (RFC 7643 section 2.1). Anything else is refused with
 * {@code invalidFilter} rather than answered wrongly.
 */
public final class ScimFilter {

    /** One {@code attribute eq "value"} condition, with the attribute in its canonical spelling. */
    public record Condition(String attribute, String value) {
    }

    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z][A-Za-z0-9.\\[\\]\" ]*?)\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_LENGTH = 1000;

    private static final Map<String, String> USER_ATTRIBUTES = Map.of(
            "username", "userName",
            "externalid", "externalId",
            "id", "id",
            "emails.value", "emails.value",
            "emails[type eq \"work\"].value", "emails.value",
            "emails[primary eq true].value", "emails.value");
    private static final Map<String, String> GROUP_ATTRIBUTES = Map.of(
            "displayname", "displayName",
            "externalid", "externalId",
            "id", "id");

    private ScimFilter() {
    }

    public static List<Condition> users(String filter) {
        return parse(filter, USER_ATTRIBUTES);
    }

    public static List<Condition> groups(String filter) {
        return parse(filter, GROUP_ATTRIBUTES);
    }

    private static List<Condition> parse(String filter, Map<String, String> attributes) {
        if (filter == null || filter.isBlank()) {
            return List.of();
        }
        if (filter.length() > MAX_LENGTH) {
            throw invalid("the filter is too long");
        }
        List<Condition> conditions = new ArrayList<>();
        for (String part : splitOnAnd(filter)) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw invalid("only 'attribute eq \"value\"' joined by 'and' is supported: " + part.strip());
            }
            String attribute = attributes.get(m.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            if (attribute == null) {
                throw invalid("filtering on " + m.group(1).strip() + " is not supported");
            }
            conditions.add(new Condition(attribute, m.group(2).replaceAll("\\\\(.)", "$1")));
        }
        return conditions;
    }

    /** Splits on {@code and} outside quotes and brackets. */
    private static List<String> splitOnAnd(String filter) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int depth = 0;
        int start = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
            } else if (!quoted && depth == 0) {
                Matcher and = AND.matcher(filter).region(i, filter.length());
                if (and.lookingAt()) {
                    parts.add(filter.substring(start, i));
                    start = and.end();
                    i = and.end() - 1;
                }
            }
        }
        if (quoted || depth != 0) {
            throw invalid("unbalanced quotes or brackets");
        }
        parts.add(filter.substring(start));
        return parts;
    }

    private static ScimException invalid(String detail) {
        return new ScimException(400, "invalidFilter", detail);
    }
}
