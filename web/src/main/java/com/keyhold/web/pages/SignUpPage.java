package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.Language;
import com.keyhold.user.SignUpRequest;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The sign-up page (SPEC A1): names, email, password twice, language, terms of use. */
@Named
@RequestScoped
public class SignUpPage {

    @EJB
    UserService users;

    @Inject
    CurrentLocale currentLocale;

    @Inject
    @ConfigProperty(name = "keyhold.terms-of-use.text", defaultValue =
            "You may use Keyhold to manage the licenses of your organization. Keep your credentials secret; "
            + "you are responsible for what is done with them. Your data is processed to provide the service.")
    String termsOfUse;

    private String email;
    private String firstName;
    private String lastName;
    private String password;
    private String passwordRepeated;
    private Language language;
    private boolean termsAccepted;

    public String signUp() {
        try {
            users.signUp(new SignUpRequest(email, firstName, lastName, password, passwordRepeated,
                    language == null ? Language.EN : language, termsAccepted));
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        Messages.info("signUp.done");
        return "/login.xhtml?faces-redirect=true&email=" + URLEncoder.encode(email.strip(), StandardCharsets.UTF_8);
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public String getTermsOfUse() {
        return termsOfUse;
    }

    public Language getLanguage() {
        if (language == null) {
            language = Language.fromTag(currentLocale.getLocale().toLanguageTag());
        }
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getPasswordRepeated() {
        return passwordRepeated;
    }

    public void setPasswordRepeated(String passwordRepeated) {
        this.passwordRepeated = passwordRepeated;
    }

    public boolean isTermsAccepted() {
        return termsAccepted;
    }

    public void setTermsAccepted(boolean termsAccepted) {
        this.termsAccepted = termsAccepted;
    }
}
