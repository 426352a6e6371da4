package com.keyhold.scim;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A user an account's identity provider provisioned over SCIM (SPEC O3, RFC 7643 section 4.1): the
 * attributes Keyhold keeps (userName, externalId, name, display name, primary email, active). The
 * person of an ID token is this user when the token's subject is its externalId, or, without one,
 * when the token's email or preferred_username is its userName (CONTRACT section 8).
 */
@Entity
@Table(name = "scim_users")
public class ScimUser {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "user_name", nullable = false, length = 254)
    private String userName;

    /** {@code userName} in lower case: unique per account, since SCIM compares it without case. */
    @Column(name = "user_name_key", nullable = false, length = 254)
    private String userNameKey;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @Column(name = "display_name", length = 254)
    private String displayName;

    @Column(name = "given_name", length = 254)
    private String givenName;

    @Column(name = "family_name", length = 254)
    private String familyName;

    @Column(length = 254)
    private String email;

    @Column(name = "email_key", length = 254)
    private String emailKey;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected ScimUser() {
    }

    public ScimUser(String accountId, Instant now) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.active = true;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    /** Lower case without regard to locale: how userName and emails are compared. */
    public static String keyOf(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    public void setUserName(String userName) {
        this.userName = userName;
        this.userNameKey = keyOf(userName);
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public void setEmail(String email) {
        this.email = email;
        this.emailKey = keyOf(email);
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void modifiedAt(Instant now) {
        this.modifiedAt = now;
    }

    public String getId() {
        return id;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getUserName() {
        return userName;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getGivenName() {
        return givenName;
    }

    public String getFamilyName() {
        return familyName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getModifiedAt() {
        return modifiedAt;
    }

    public long getVersion() {
        return version;
    }
}
