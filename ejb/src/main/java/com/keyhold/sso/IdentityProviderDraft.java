package com.keyhold.sso;

import java.util.List;

/** What an administrator sets on the Identity Provider page or by {@code PUT /api/v1/admin/identity-provider}. */
public record IdentityProviderDraft(String issuer, String audience, String jwksUrl, List<String> publicKeys,
        Integer perUserLimit, String requiredGroup, Integer inactivityRevokeDays) {
}
