package com.keyhold.sso;

import java.time.Instant;
import java.util.List;

/** An account's identity provider as its administrators see it; {@code requiredGroupName} for people. */
public record IdentityProviderView(String issuer, String audience, String jwksUrl, List<String> publicKeys,
        int perUserLimit, String requiredGroup, String requiredGroupName, Integer inactivityRevokeDays,
        Instant updatedAt) {
}
