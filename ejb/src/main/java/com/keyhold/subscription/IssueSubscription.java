package com.keyhold.subscription;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What the operator gives to issue a subscription (SPEC O1, CONTRACT section 7). */
public record IssueSubscription(
        @NotBlank String product,
        @Min(1) @Max(1_000_000) int seats,
        @NotNull LocalDate startsAt,
        @NotNull LocalDate endsAt,
        boolean autoRenewal,
        @Size(max = 200) String name,
        boolean trial,
        List<AddOn> addOns,
        @Size(max = 2000) String contractDetails,
        String licenseType,
        @Size(max = 36) String accountId) {

    /** An add-on product with its quantity. */
    public record AddOn(@NotBlank String product, @Min(1) int quantity) {
    }
}
