package com.keyhold.sso;

/**
 * The person a verified ID token names (SPEC O2): its subject ({@code oid} for Entra ID, else
 * {@code sub}), and its {@code email} and {@code preferred_username} in lower case, either possibly null.
 */
public record IdTokenClaims(String subject, String email, String login) {

    /** What the computer list shows as "activated by": the email, else the login, else the subject. */
    public String shownAs() {
        return email != null ? email : login != null ? login : subject;
    }
}
