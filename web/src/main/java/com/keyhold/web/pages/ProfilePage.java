package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.Language;
import com.keyhold.user.User;
import com.keyhold.user.UserService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The personal profile (SPEC A9): names, email and the language of pages and emails. */
@Named
@ViewScoped
public class ProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    UserService users;

    @Inject
    SessionUser currentUser;

    private String firstName;
    private String lastName;
    private String email;
    private Language language;
    private transient String currentPassword;

    @PostConstruct
    void load() {
        User user = currentUser.getUser();
        firstName = user.getFirstName();
        lastName = user.getLastName();
        email = user.getEmail();
        language = user.getLanguage();
    }

    public String save() {
        try {
            users.updateProfile(currentUser.getUserId(), firstName, lastName, email, language, currentPassword);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        // the confirmation already speaks the language just chosen
        FacesContext.getCurrentInstance().getViewRoot().setLocale(language.locale());
        Messages.info("profile.saved");
        // a full redirect, so the header and the page language follow the change at once
        return "/app/profile.xhtml?faces-redirect=true";
    }

    public String getCurrentPassword() {
        return null; // never written back into the page
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public Language[] getLanguages() {
        return Language.values();
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

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }
}
