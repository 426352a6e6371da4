package com.keyhold.user;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Everything a new user gives at sign-up (SPEC A1). The sign-up page fills every field; the
 * scripted {@code POST /api/v1/users} repeats the password itself and accepts the terms by calling.
 */
public record SignUpRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        String password,
        String passwordRepeated,
        @NotNull Language language,
        @AssertTrue(message = "the terms of use must be accepted") boolean termsAccepted) {
}
