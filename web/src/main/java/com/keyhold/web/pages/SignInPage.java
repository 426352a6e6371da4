package com.keyhold.web.pages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.keyhold.common.KeyholdException;
import com.keyhold.web.security.KeyholdAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in page (SPEC A1): email, password, "keep me signed in". */
@Named
@RequestScoped
public class SignInPage {

    @Inject
    SecurityContext securityContext;

    private String email;
    private String password;
    private boolean keepSignedIn;
    private String next;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(email == null ? "" : email.strip(),
                        password == null ? "" : password)).rememberMe(keepSignedIn));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + safeNext());
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (external.getRequestMap().get(KeyholdAuthenticationMechanism.SIGN_IN_REFUSAL) instanceof KeyholdException refused) {
                    Messages.error(refused);
                } else {
                    Messages.error("signIn.failed");
                }
            }
        }
    }

    /** Only a page of this application, never another site (no open redirect). */
    private String safeNext() {
        if (next != null && next.startsWith("/app/") && !next.contains("//") && !next.contains("\\")) {
            return next;
        }
        return "/app/dashboard.xhtml";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isKeepSignedIn() {
        return keepSignedIn;
    }

    public void setKeepSignedIn(boolean keepSignedIn) {
        this.keepSignedIn = keepSignedIn;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
