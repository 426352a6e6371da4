package com.keyhold.account;

import com.keyhold.mail.OutgoingEmail;
import java.io.Serializable;
import java.time.Instant;

/** An invitation to join as the administrators' list shows it (SPEC A5). Getters for Expression Language. */
public class InvitationView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String email;
    private final String language;
    private final String licenseKeyId;
    private final Instant createdAt;
    private final Instant expiresAt;
    private final MemberInvitation.Status status;
    private final OutgoingEmail.Delivery emailDelivery;
    private final String emailError;

    /** @param email the email that carries the link; null when unknown */
    InvitationView(MemberInvitation invitation, OutgoingEmail email, Instant now) {
        this.id = invitation.getId();
        this.email = invitation.getEmail();
        this.language = invitation.getLanguage().name();
        this.licenseKeyId = invitation.getLicenseKeyId();
        this.createdAt = invitation.getCreatedAt();
        this.expiresAt = invitation.getExpiresAt();
        this.status = invitation.statusAt(now);
        this.emailDelivery = email == null ? null : email.delivery();
        this.emailError = email == null ? null : email.getLastError();
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public String getLicenseKeyId() {
        return licenseKeyId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public MemberInvitation.Status getStatus() {
        return status;
    }

    /** Whether the invitation email went out (SPEC "Emails": a failed send is retried and shown). */
    public OutgoingEmail.Delivery getEmailDelivery() {
        return emailDelivery;
    }

    public String getEmailError() {
        return emailError;
    }
}
