package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.PasswordResetService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The page of a password reset link (SPEC A10): says at once when the link is used, expired or
 * unknown; otherwise takes the new password twice and sends the user to sign in with it.
 */
@Named
@ViewScoped
public class ResetPasswordPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PasswordResetService passwordResets;

    private String token;
    private boolean usable;
    private boolean loaded;
    private String password;
    private String passwordRepeated;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            passwordResets.check(token);
            usable = true;
        } catch (KeyholdException refused) {
            linkRefused(refused);
        }
    }

    public String reset() {
        try {
            passwordResets.reset(token, password, passwordRepeated);
        } catch (KeyholdException refused) {
            if (refused.violations().isEmpty()) {
                linkRefused(refused);
            } else {
                Messages.error(refused);
            }
            return null;
        }
        Messages.info("reset.done");
        return "/login.xhtml?faces-redirect=true";
    }

    private void linkRefused(KeyholdException refused) {
        usable = false;
        switch (refused.code()) {
            case CODE_EXPIRED -> Messages.error("reset.expired");
            case CODE_ALREADY_USED -> Messages.error("reset.used");
            case NOT_FOUND -> Messages.error("reset.unknown");
            default -> {
                usable = true;
                Messages.error(refused);
            }
        }
    }

    public boolean isUsable() {
        return usable;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
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
}
