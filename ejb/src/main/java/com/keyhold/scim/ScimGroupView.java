package com.keyhold.scim;

import java.time.Instant;
import java.util.List;

/** A SCIM group as the SCIM endpoints render it (RFC 7643 section 4.2); members null when excluded. */
public record ScimGroupView(String id, String displayName, String externalId, List<Member> members, Instant created,
        Instant lastModified, long version) {

    /** A member user: its id and userName. */
    public record Member(String value, String display) {
    }
}
