package com.keyhold.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The filter forms Entra ID and Okta send (O3, RFC 7644 section 3.4.2.2), and everything else refused. */
class ScimFilterTest {

    @Test
    void readsTheEqualityFiltersIdentityProvidersSend() {
        assertEquals(List.of(new ScimFilter.Condition("userName", "ann@corp.example")),
                ScimFilter.users("userName eq \"ann@corp.example\""));
        assertEquals(List.of(new ScimFilter.Condition("externalId", "0a1b"), new ScimFilter.Condition("userName", "x")),
                ScimFilter.users("externalId eq \"0a1b\" and userName eq \"x\""));
        assertEquals(List.of(new ScimFilter.Condition("emails.value", "a@b.c")),
                ScimFilter.users("emails[type eq \"work\"].value eq \"a@b.c\""));
        assertEquals(List.of(new ScimFilter.Condition("userName", "a\"b")), ScimFilter.users("USERNAME EQ \"a\\\"b\""));
        assertEquals(List.of(new ScimFilter.Condition("displayName", "Sales and Marketing")),
                ScimFilter.groups("displayName eq \"Sales and Marketing\""));
        assertEquals(List.of(), ScimFilter.users(null));
    }

    @Test
    void refusesWhatItCannotAnswerExactly() {
        for (String filter : List.of("userName co \"a\"", "userName eq \"a\" or userName eq \"b\"", "title eq \"x\"",
                "userName eq \"unterminated", "userName eq a", "x".repeat(1001))) {
            ScimException refused = assertThrows(ScimException.class, () -> ScimFilter.users(filter), filter);
            assertEquals(400, refused.status());
            assertEquals("invalidFilter", refused.scimType());
        }
        assertThrows(ScimException.class, () -> ScimFilter.groups("userName eq \"a\""));
    }
}
