package com.keyhold.scim;

import com.keyhold.persistence.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A group an account's identity provider provisioned over SCIM (RFC 7643 section 4.2), with the ids
 * of its member users. One group may be the account's required group (SPEC O2): only its members
 * may activate by ID token.
 */
@Entity
@Table(name = "scim_groups")
public class ScimGroup {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    @Column(name = "display_name", nullable = false, length = 254)
    private String displayName;

    @Column(name = "external_id", length = 255)
    private String externalId;

    @ElementCollection
    @CollectionTable(name = "scim_group_members", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "user_id", length = 36)
    private Set<String> memberIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "modified_at", nullable = false)
    private Instant modifiedAt;

    @Version
    private long version;

    protected ScimGroup() {
    }

    public ScimGroup(String accountId, String displayName, Instant now) {
        this.id = Ids.newId();
        this.accountId = accountId;
        this.displayName = displayName;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public boolean addMember(String userId) {
        return memberIds.add(userId);
    }

    public boolean removeMember(String userId) {
        return memberIds.remove(userId);
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

    public String getDisplayName() {
        return displayName;
    }

    public String getExternalId() {
        return externalId;
    }

    public Set<String> getMemberIds() {
        return Set.copyOf(memberIds);
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
