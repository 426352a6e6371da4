package com.keyhold.account;

import com.keyhold.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** The company details rules (SPEC A2, A4): name, country, ZIP and phone required; all within the column sizes. */
public final class CompanyValidation {

    private CompanyValidation() {
    }

    public static List<Violation> check(CompanyDetails company) {
        List<Violation> violations = new ArrayList<>();
        if (company == null) {
            violations.add(new Violation("company", "is required"));
            return violations;
        }
        require(violations, "company.name", company.name(), 200);
        require(violations, "company.country", company.country(), 100);
        require(violations, "company.zip", company.zip(), 20);
        require(violations, "company.phone", company.phone(), 50);
        optional(violations, "company.street", company.street(), 200);
        optional(violations, "company.city", company.city(), 100);
        optional(violations, "company.state", company.state(), 100);
        return violations;
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
