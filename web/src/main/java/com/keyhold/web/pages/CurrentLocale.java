package com.keyhold.web.pages;

import com.keyhold.user.Language;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.Locale;

/**
 * The language pages speak: the signed-in user's preferred language (SPEC A1), otherwise the
 * browser's when it is one Keyhold has, otherwise English.
 */
@Named
@RequestScoped
public class CurrentLocale {

    @Inject
    SecurityContext securityContext;

    @EJB
    UserService users;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            java.util.Optional<String> caller = com.keyhold.common.Callers.signedIn(securityContext.getCallerPrincipal());
            Language language = caller.isPresent() ? users.get(caller.get()).getLanguage()
                    : Language.fromTag(FacesContext.getCurrentInstance().getExternalContext().getRequestLocale().toLanguageTag());
            locale = language.locale();
        }
        return locale;
    }
}
