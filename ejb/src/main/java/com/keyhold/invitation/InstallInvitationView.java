package com.keyhold.invitation;

import java.time.Instant;

/**
 * An invitation to install as lists and answers show it (CONTRACT section 6). {@code code} is set
 * only in the answer that created (or resent) it; a list never shows it.
 */
public record InstallInvitationView(String id, String keyId, String email, String language, String code,
        String downloadUrl, Instant createdAt, Instant expiresAt, String status, Instant usedAt) {

    static InstallInvitationView of(InstallInvitation invitation, String code, String downloadUrl, Instant now) {
        return new InstallInvitationView(invitation.getId(), invitation.getLicenseKey().getId(), invitation.getEmail(),
                invitation.getLanguage().name(), code, downloadUrl, invitation.getCreatedAt(), invitation.getExpiresAt(),
                invitation.statusAt(now).name(), invitation.getUsedAt());
    }
}
