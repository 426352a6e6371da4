package com.keyhold.mail;

import com.keyhold.user.Language;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Renders an email in the recipient's language (SPEC "Emails": at least English and German) from the
 * {@code com/keyhold/mail/emails} bundle. Plain text, so no markup injection from names people type.
 */
public final class EmailTemplates {

    private static final String BUNDLE = "com.keyhold.mail.emails";

    /** A rendered email. */
    public record Rendered(String subject, String body) {
    }

    private EmailTemplates() {
    }

    public static Rendered render(EmailKind kind, Language language, Object... arguments) {
        if (arguments.length != kind.arguments()) {
            throw new IllegalArgumentException(kind + " takes " + kind.arguments() + " arguments, not " + arguments.length);
        }
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String subject = new MessageFormat(bundle.getString(kind.template() + ".subject"), language.locale()).format(arguments);
        String body = new MessageFormat(bundle.getString(kind.template() + ".body"), language.locale()).format(arguments);
        return new Rendered(subject, body);
    }

    /** A phrase of the bundle in the language, for an argument that itself depends on the language. */
    public static String phrase(Language language, String key) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
}
