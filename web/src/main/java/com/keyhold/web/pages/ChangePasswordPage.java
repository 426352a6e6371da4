package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Change password (SPEC A9); also where an operator's one-time password must be replaced (O1). */
@Named
@RequestScoped
public class ChangePasswordPage {

    @EJB
    UserService users;

    @Inject
    SessionUser currentUser;

    private String currentPassword;
    private String newPassword;
    private String newPasswordRepeated;

    public boolean isRequired() {
        return currentUser.getUser().isMustChangePassword();
    }

    public String change() {
        try {
            users.changePassword(currentUser.getUserId(), currentPassword, newPassword, newPasswordRepeated);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        Messages.info("changePassword.done");
        return "/app/dashboard.xhtml?faces-redirect=true";
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordRepeated() {
        return newPasswordRepeated;
    }

    public void setNewPasswordRepeated(String newPasswordRepeated) {
        this.newPasswordRepeated = newPasswordRepeated;
    }
}
