package com.keyhold.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC A2, A4: the company's details, its country an ISO 3166-1 alpha-2 code. */
class CompanyValidationTest {

    private static List<Violation> check(String country) {
        return CompanyValidation.check(new CompanyDetails("Acme", country, "10115", "+49 30 1", null, null, null));
    }

    @Test
    void a2CountryCodesOfIso3166AreAccepted() {
        assertEquals(List.of(), check("DE"));
        assertEquals(List.of(), check("US"));
        assertEquals(List.of(), check("AT"));
    }

    @Test
    void a2FreeTextLowerCaseAndUnknownCodesAreRefusedWithTheField() {
        for (String country : List.of("Germany", "de", "XX", "DEU", " DE")) {
            List<Violation> violations = check(country);
            assertEquals(1, violations.size(), country);
            assertEquals("company.country", violations.get(0).field());
            assertTrue(violations.get(0).message().contains("ISO 3166-1 alpha-2"), violations.get(0).message());
        }
    }

    @Test
    void a2TheCountryIsRequired() {
        assertEquals(List.of(new Violation("company.country", "is required")), check(" "));
        assertEquals(List.of(new Violation("company.country", "is required")), check(null));
    }
}
