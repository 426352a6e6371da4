package com.keyhold.web.pages;

import com.keyhold.account.AccountService;
import com.keyhold.account.AccountSummary;
import com.keyhold.security.RememberMeService;
import com.keyhold.user.User;
import com.keyhold.user.UserService;
import com.keyhold.web.security.KeyholdAuthenticationMechanism;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The signed-in user and the account they are working in (SPEC A3). The user's accounts are read
 * on every request, so an account they join or leave shows at once; only the selection is kept.
 */
@Named("currentUser")
@SessionScoped
public class SessionUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext securityContext;

    @EJB
    transient UserService users;

    @EJB
    transient AccountService accounts;

    @EJB
    transient RememberMeService rememberMe;

    private String selectedAccountId;

    public String getUserId() {
        return securityContext.getCallerPrincipal().getName();
    }

    public User getUser() {
        return users.get(getUserId());
    }

    public List<AccountSummary> getAccounts() {
        return accounts.accountsOf(getUserId());
    }

    /** The selected account; the personal account until the user picks another they belong to. */
    public AccountSummary getSelectedAccount() {
        List<AccountSummary> mine = getAccounts();
        return mine.stream().filter(a -> a.getId().equals(selectedAccountId)).findFirst().orElse(mine.get(0));
    }

    public String getSelectedAccountId() {
        return getSelectedAccount().getId();
    }

    /** Ignores ids of accounts the user does not belong to: the selector cannot reach another tenant. */
    public void setSelectedAccountId(String accountId) {
        if (getAccounts().stream().anyMatch(a -> a.getId().equals(accountId))) {
            this.selectedAccountId = accountId;
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        KeyholdAuthenticationMechanism.rememberMeCookie(request).ifPresent(rememberMe::revoke);
        Cookie forget = new Cookie(KeyholdAuthenticationMechanism.REMEMBER_ME_COOKIE, "");
        forget.setPath(KeyholdAuthenticationMechanism.contextPathOrRoot(request));
        forget.setMaxAge(0);
        forget.setHttpOnly(true);
        response.addCookie(forget);
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + KeyholdAuthenticationMechanism.SIGN_IN_PAGE + "?signedOut=true");
    }
}
