package com.keyhold.user;

import java.util.Locale;

/** The languages Keyhold speaks to users in: pages and emails (SPEC A1). */
public enum Language {
    EN, DE;

    public Locale locale() {
        return Locale.forLanguageTag(name().toLowerCase(Locale.ROOT));
    }

    /** Reads "en", "DE", "de-CH"…; anything unknown is English. */
    public static Language fromTag(String tag) {
        if (tag != null && tag.toLowerCase(Locale.ROOT).startsWith("de")) {
            return DE;
        }
        return EN;
    }
}
