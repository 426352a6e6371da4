package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.scim.ScimTokenService;
import com.keyhold.scim.ScimTokenView;
import com.keyhold.security.IssuedToken;
import com.keyhold.sso.IdentityProviderDraft;
import com.keyhold.sso.IdentityProviderService;
import com.keyhold.sso.IdentityProviderView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Identity Provider page (SPEC O2, O3, E3; seed "Activation Using a Corporate Account"): the
 * account's identity provider for corporate activation (issuer, audience, JWKS URL or PEM keys,
 * computers per user, required group, inactivity revocation), and the SCIM tokens its provisioning
 * uses (created and shown once, listed, revoked). The services refuse everyone but the business
 * account's administrators; the page only tells others so.
 */
@Named
@ViewScoped
public class IdentityProviderPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @EJB
    IdentityProviderService providers;

    @EJB
    ScimTokenService scimTokens;

    @Inject
    SessionUser currentUser;

    private String accountId;
    private boolean allowed;
    private boolean configured;
    private List<ScimTokenView> tokens = List.of();
    private List<GroupOption> groups = List.of();

    /** A SCIM group offered as the required group. */
    public record GroupOption(String id, String name) implements Serializable {
    }

    private String issuer;
    private String audience;
    private String keySource = "JWKS";
    private String jwksUrl;
    private String publicKeys;
    private Integer perUserLimit = 3;
    private String requiredGroup;
    private Integer inactivityRevokeDays;

    private String newTokenName;
    /** The token just created, shown once in the dialog and then forgotten. */
    private String createdToken;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        try {
            Optional<IdentityProviderView> provider = providers.get(currentUser.getUserId(), accountId);
            provider.ifPresent(this::fill);
            configured = provider.isPresent();
            tokens = scimTokens.list(currentUser.getUserId(), accountId);
            groups = providers.groups(currentUser.getUserId(), accountId).stream()
                    .map(g -> new GroupOption(g.getId(), g.getDisplayName())).toList();
            allowed = true;
        } catch (KeyholdException refused) {
            allowed = false;
        }
    }

    private void fill(IdentityProviderView v) {
        issuer = v.issuer();
        audience = v.audience();
        jwksUrl = v.jwksUrl();
        publicKeys = v.publicKeys().isEmpty() ? null : String.join("\n", v.publicKeys());
        keySource = v.jwksUrl() != null ? "JWKS" : "PEM";
        perUserLimit = v.perUserLimit();
        requiredGroup = v.requiredGroup();
        inactivityRevokeDays = v.inactivityRevokeDays();
    }

    public void save() {
        List<String> pems = "PEM".equals(keySource) && publicKeys != null
                ? Arrays.stream(publicKeys.split("(?=-----BEGIN PUBLIC KEY-----)")).map(String::strip)
                        .filter(p -> !p.isEmpty()).toList()
                : List.of();
        try {
            fill(providers.configure(currentUser.getUserId(), accountId, new IdentityProviderDraft(issuer, audience,
                    "JWKS".equals(keySource) ? jwksUrl : null, pems, perUserLimit, blankToNull(requiredGroup),
                    inactivityRevokeDays)));
            configured = true;
            Messages.info("sso.saved");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void remove() {
        try {
            providers.remove(currentUser.getUserId(), accountId);
            configured = false;
            issuer = null;
            audience = null;
            jwksUrl = null;
            publicKeys = null;
            requiredGroup = null;
            inactivityRevokeDays = null;
            perUserLimit = 3;
            Messages.info("sso.removed");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void createToken() {
        try {
            IssuedToken issued = scimTokens.create(currentUser.getUserId(), accountId, newTokenName);
            createdToken = issued.token();
            newTokenName = null;
            tokens = scimTokens.list(currentUser.getUserId(), accountId);
        } catch (KeyholdException refused) {
            createdToken = null;
            Messages.error(refused);
        }
    }

    public void revokeToken(String tokenId) {
        try {
            scimTokens.revoke(currentUser.getUserId(), accountId, tokenId);
            tokens = scimTokens.list(currentUser.getUserId(), accountId);
            Messages.info("sso.token.revoked");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /** Closes the token dialog: the token is not kept in the view any longer. */
    public void forgetToken() {
        createdToken = null;
    }

    /** Where the identity provider's SCIM client sends its requests (Entra ID's "Tenant URL"). */
    public String getScimUrl() {
        return com.keyhold.common.Links.to("/scim/v2");
    }

    public String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public boolean isConfigured() {
        return configured;
    }

    public List<ScimTokenView> getTokens() {
        return tokens;
    }

    public List<GroupOption> getGroups() {
        return groups;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getKeySource() {
        return keySource;
    }

    public void setKeySource(String keySource) {
        this.keySource = keySource;
    }

    public String getJwksUrl() {
        return jwksUrl;
    }

    public void setJwksUrl(String jwksUrl) {
        this.jwksUrl = jwksUrl;
    }

    public String getPublicKeys() {
        return publicKeys;
    }

    public void setPublicKeys(String publicKeys) {
        this.publicKeys = publicKeys;
    }

    public Integer getPerUserLimit() {
        return perUserLimit;
    }

    public void setPerUserLimit(Integer perUserLimit) {
        this.perUserLimit = perUserLimit;
    }

    public String getRequiredGroup() {
        return requiredGroup;
    }

    public void setRequiredGroup(String requiredGroup) {
        this.requiredGroup = requiredGroup;
    }

    public Integer getInactivityRevokeDays() {
        return inactivityRevokeDays;
    }

    public void setInactivityRevokeDays(Integer inactivityRevokeDays) {
        this.inactivityRevokeDays = inactivityRevokeDays;
    }

    public String getNewTokenName() {
        return newTokenName;
    }

    public void setNewTokenName(String newTokenName) {
        this.newTokenName = newTokenName;
    }

    public String getCreatedToken() {
        return createdToken;
    }
}
