package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.PasswordResetService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * "Forgot your password?" (SPEC A10): asks for a reset link. The answer is the same whether or not
 * the email belongs to a user, so the page cannot be used to find out who has an account.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @EJB
    PasswordResetService passwordResets;

    private String email;

    public String send() {
        try {
            passwordResets.requestReset(email);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        Messages.info("forgot.sent");
        return "/forgot-password.xhtml?faces-redirect=true";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
