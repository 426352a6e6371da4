package com.keyhold.web.pages;

import com.keyhold.account.CompanyValidation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The country list of the company forms (SPEC A2, A4): every ISO 3166-1 alpha-2 code Java knows,
 * named in the page's language and sorted by that name, stored as the code. A company stored before
 * countries were codes keeps its free text, which is shown as it was typed.
 */
@Named
@RequestScoped
public class Countries {

    /** A choice of the list. Records: Expression Language reads {@code c.code()}, {@code c.name()}. */
    public record Country(String code, String name) {
    }

    /** The languages a free-text country of old may be written in, to find its code when it is edited. */
    private static final List<Locale> KNOWN_LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    @Inject
    CurrentLocale currentLocale;

    private List<Country> all;

    public List<Country> getAll() {
        if (all == null) {
            Locale locale = currentLocale.getLocale();
            Collator collator = Collator.getInstance(locale);
            collator.setStrength(Collator.PRIMARY);
            all = Arrays.stream(Locale.getISOCountries())
                    .map(code -> new Country(code, displayName(code, locale)))
                    .sorted(Comparator.comparing(Country::name, collator))
                    .toList();
        }
        return all;
    }

    /** How a stored country reads: a code's name in the page's language, free text of old as it is. */
    public String name(String stored) {
        if (stored == null) {
            return "";
        }
        return CompanyValidation.isCountryCode(stored) ? displayName(stored, currentLocale.getLocale()) : stored;
    }

    /**
     * The code for a stored country, to preselect it when the company is edited: the code itself, or
     * the code whose English or German name the free text is (ignoring case); null when none is.
     */
    public static String codeFor(String stored) {
        if (stored == null || stored.isBlank()) {
            return null;
        }
        String text = stored.strip();
        if (CompanyValidation.isCountryCode(text.toUpperCase(Locale.ROOT)) && text.length() == 2) {
            return text.toUpperCase(Locale.ROOT);
        }
        for (String code : Locale.getISOCountries()) {
            for (Locale language : KNOWN_LANGUAGES) {
                if (displayName(code, language).equalsIgnoreCase(text)) {
                    return code;
                }
            }
        }
        return null;
    }

    private static String displayName(String code, Locale language) {
        return new Locale.Builder().setRegion(code).build().getDisplayCountry(language);
    }
}
