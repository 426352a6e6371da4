package com.keyhold.scim;

import java.time.Instant;

/** A SCIM user as the SCIM endpoints render it (RFC 7643 section 4.1). */
public record ScimUserView(String id, String userName, String externalId, String displayName, String givenName,
        String familyName, String email, boolean active, Instant created, Instant lastModified, long version) {

    static ScimUserView of(ScimUser u) {
        return new ScimUserView(u.getId(), u.getUserName(), u.getExternalId(), u.getDisplayName(), u.getGivenName(),
                u.getFamilyName(), u.getEmail(), u.isActive(), u.getCreatedAt(), u.getModifiedAt(), u.getVersion());
    }
}
