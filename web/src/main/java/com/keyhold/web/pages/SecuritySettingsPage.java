package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.security.ApiTokenService;
import com.keyhold.security.TokenView;
import com.keyhold.user.SignInAttempt;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Security settings (SPEC A9): personal API tokens (create, shown once; list; revoke) and recent sign-ins. */
@Named
@ViewScoped
public class SecuritySettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ApiTokenService apiTokens;

    @EJB
    UserService users;

    @Inject
    SessionUser currentUser;

    private String newTokenName;
    private Integer newTokenDays = 90;
    private String createdToken;

    public void createToken() {
        try {
            createdToken = apiTokens.create(currentUser.getUserId(), newTokenName, newTokenDays).token();
            newTokenName = null;
            Messages.info("security.tokenCreated");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void revoke(String tokenId) {
        try {
            apiTokens.revoke(currentUser.getUserId(), tokenId);
            createdToken = null;
            Messages.info("security.tokenRevoked");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public List<TokenView> getTokens() {
        return apiTokens.tokensOf(currentUser.getUserId());
    }

    public List<SignInAttempt> getRecentSignIns() {
        return users.recentSignIns(currentUser.getUserId());
    }

    public String getCreatedToken() {
        return createdToken;
    }

    public String getNewTokenName() {
        return newTokenName;
    }

    public void setNewTokenName(String newTokenName) {
        this.newTokenName = newTokenName;
    }

    public Integer getNewTokenDays() {
        return newTokenDays;
    }

    public void setNewTokenDays(Integer newTokenDays) {
        this.newTokenDays = newTokenDays;
    }
}
