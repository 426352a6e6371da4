package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.user.UserService;
import com.keyhold.web.security.KeyholdAuthenticationMechanism;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

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
        int revoked;
        try {
            revoked = users.changePassword(currentUser.getUserId(), currentPassword, newPassword, newPasswordRepeated);
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        // every session of the user ended with the change; this one goes on under a new id
        KeyholdAuthenticationMechanism.restartSession(
                (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
                currentUser.getUserId());
        Messages.info("changePassword.done", revoked);
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
