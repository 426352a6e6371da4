package com.keyhold.web.pages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.keyhold.account.JoinPreview;
import com.keyhold.account.MemberInvitationService;
import com.keyhold.common.KeyholdException;
import jakarta.ejb.EJB;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The join page of an invitation link (SPEC A5): which account and email it is for; an existing user
 * joins with their password, a new one chooses name and password. The joiner is signed in and lands
 * in the account they joined.
 */
@Named
@ViewScoped
public class JoinPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    MemberInvitationService invitations;

    @Inject
    SessionUser currentUser;

    /** The terms of use as sign-up shows them (SPEC A1), from the one place that reads the configuration. */
    @Inject
    SignUpPage signUp;

    private String token;
    private JoinPreview preview;
    private boolean loaded;

    private String password;
    private String firstName;
    private String lastName;
    private String passwordRepeated;
    private boolean termsAccepted;

    /** Reads the link once, on the first request of the view; a used, expired or unknown link is said so. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            preview = invitations.preview(token);
        } catch (KeyholdException refused) {
            preview = null;
            linkRefused(refused);
        }
    }

    public String join() throws IOException {
        String accountId;
        try {
            accountId = preview.isExistingUser()
                    ? invitations.acceptAsExistingUser(token, password)
                    : invitations.acceptAsNewUser(token, firstName, lastName, password, passwordRepeated, termsAccepted);
        } catch (KeyholdException refused) {
            if (refused.violations().isEmpty()) {
                linkRefused(refused);
            } else {
                Messages.error(refused);
            }
            return null;
        }
        if (signIn()) {
            currentUser.setSelectedAccountId(accountId);
            Messages.info("join.joined", preview.getAccountName());
            return "/app/dashboard.xhtml?faces-redirect=true";
        }
        Messages.info("join.joinedSignIn", preview.getAccountName());
        return "/login.xhtml?faces-redirect=true&email=" + URLEncoder.encode(preview.getEmail(), StandardCharsets.UTF_8);
    }

    /** Signs the joiner in with the password just given, as the sign-in page would. */
    private boolean signIn() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        SecurityContext securityContext = CDI.current().select(SecurityContext.class).get();
        try {
            AuthenticationStatus status = securityContext.authenticate(
                    (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                    withParams().credential(new UsernamePasswordCredential(preview.getEmail(), password)).newAuthentication(true));
            return status == AuthenticationStatus.SUCCESS && com.keyhold.common.Callers.signedIn(securityContext.getCallerPrincipal()).isPresent();
        } catch (RuntimeException notSignedIn) {
            return false;
        }
    }

    private void linkRefused(KeyholdException refused) {
        String key = switch (refused.code()) {
            case CODE_EXPIRED -> "join.expired";
            case CODE_ALREADY_USED -> "join.used";
            case NOT_FOUND -> "join.unknown";
            default -> null;
        };
        if (key == null) {
            Messages.error(refused);
        } else {
            Messages.error(key);
            preview = null;
        }
    }

    public JoinPreview getPreview() {
        return preview;
    }

    public String getTermsOfUse() {
        return signUp.getTermsOfUse();
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
