package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Puts localized messages on the page, from the {@code msg} resource bundle. */
final class Messages {

    private Messages() {
    }

    static String text(String key) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    static void info(String key) {
        add(FacesMessage.SEVERITY_INFO, text(key));
    }

    /** An information whose text has arguments: {@code key} is a {@link java.text.MessageFormat} pattern. */
    static void info(String key, Object... arguments) {
        add(FacesMessage.SEVERITY_INFO, java.text.MessageFormat.format(text(key), arguments));
    }

    static void error(String key) {
        add(FacesMessage.SEVERITY_ERROR, text(key));
    }

    /** A refused request: the localized text for its code when there is one, then each invalid field. */
    static void error(KeyholdException refused) {
        if (refused.violations().isEmpty()) {
            String key = "error." + refused.code().name();
            String text = text(key);
            add(FacesMessage.SEVERITY_ERROR, text.equals(key) ? refused.getMessage() : text);
            return;
        }
        for (Violation violation : refused.violations()) {
            add(FacesMessage.SEVERITY_ERROR, text("field." + violation.field()) + ": " + violation.message());
        }
    }

    /** Runs a service call; a refusal becomes the page's error message. Answers whether it was done. */
    static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (KeyholdException refused) {
            error(refused);
            return false;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(null, new FacesMessage(severity, text, null));
        faces.getExternalContext().getFlash().setKeepMessages(true);
    }
}
