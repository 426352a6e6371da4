package com.keyhold.account;

import com.keyhold.common.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The company details rules (SPEC A2, A4): name, country, ZIP and phone required; all within the
 * column sizes. The country is an ISO 3166-1 alpha-2 code ({@code DE}, {@code US}) as
 * {@link Locale#getISOCountries()} lists them, so that pages can name it in the reader's language;
 * companies stored before this rule may still hold free text, which is shown as it is until the
 * company is next edited.
 */
public final class CompanyValidation {

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    private CompanyValidation() {
    }

    public static List<Violation> check(CompanyDetails company) {
        List<Violation> violations = new ArrayList<>();
        if (company == null) {
            violations.add(new Violation("company", "is required"));
            return violations;
        }
        require(violations, "company.name", company.name(), 200);
        if (company.country() == null || company.country().isBlank()) {
            violations.add(new Violation("company.country", "is required"));
        } else if (!isCountryCode(company.country())) {
            violations.add(new Violation("company.country", "must be an ISO 3166-1 alpha-2 country code in capitals,"
                    + " such as DE, AT or US (not '" + abbreviate(company.country()) + "')"));
        }
        require(violations, "company.zip", company.zip(), 20);
        require(violations, "company.phone", company.phone(), 50);
        optional(violations, "company.street", company.street(), 200);
        optional(violations, "company.city", company.city(), 100);
        optional(violations, "company.state", company.state(), 100);
        return violations;
    }

    /** Whether this is a country code of ISO 3166-1 alpha-2 as stored: two capital letters of a country Java knows. */
    public static boolean isCountryCode(String value) {
        return value != null && COUNTRY_CODES.contains(value);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static void require(List<Violation> violations, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else {
            optional(violations, field, value, max);
        }
    }

    private static void optional(List<Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters long"));
        }
    }
}
