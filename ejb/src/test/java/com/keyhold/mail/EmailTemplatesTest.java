package com.keyhold.mail;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.user.Language;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPEC "Emails": every email exists in English and German, with every argument in it. */
class EmailTemplatesTest {

    @Test
    void everyKindRendersInBothLanguagesWithAllItsArguments() {
        for (EmailKind kind : EmailKind.values()) {
            Object[] arguments = IntStream.range(0, kind.arguments()).mapToObj(i -> "ARG" + i + "X").toArray();
            EmailTemplates.Rendered english = EmailTemplates.render(kind, Language.EN, arguments);
            EmailTemplates.Rendered german = EmailTemplates.render(kind, Language.DE, arguments);
            assertNotEquals(english.body(), german.body(), kind + " is translated");
            for (Object argument : arguments) {
                assertTrue((english.subject() + english.body()).contains(argument.toString()), kind + " EN uses " + argument);
                assertTrue((german.subject() + german.body()).contains(argument.toString()), kind + " DE uses " + argument);
            }
            assertFalse(english.body().contains("{"), kind + " has no unformatted placeholder");
            assertFalse(german.body().contains("{"), kind + " has no unformatted placeholder");
        }
    }

    @Test
    void germanInvitationIsInGerman() {
        EmailTemplates.Rendered german = EmailTemplates.render(EmailKind.MEMBER_INVITATION, Language.DE,
                "Acme GmbH", "Erika Muster", "https://keyhold.example/join.xhtml?token=t", "2026-11-30 10:00");
        assertTrue(german.subject().startsWith("Einladung"), german.subject());
        assertTrue(german.body().contains("beizutreten"), german.body());
    }

    @Test
    void aWrongArgumentCountIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> EmailTemplates.render(EmailKind.PASSWORD_RESET, Language.EN, "x"));
    }
}
