package com.keyhold.invitation;

import com.keyhold.account.AccountAccess;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Links;
import com.keyhold.common.Violation;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.licensekey.SeatPool;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.security.SecretTokens;
import com.keyhold.subscription.Subscription;
import com.keyhold.user.EmailAddress;
import com.keyhold.user.Language;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invitations to install (SPEC I1–I4): account administrators, and license administrators for their
 * own keys, invite email addresses to install with a key. Each address gets its own temporary
 * activation code (only its hash is kept); more invitations than free seats are allowed, first come
 * first served at activation (I3).
 */
@Stateless
public class InstallInvitationService {

    /** The expiries the dialog offers (I1). */
    public static final Set<Integer> EXPIRY_DAYS = Set.of(1, 3, 7, 14, 30);
    /** At most this many addresses per request: a one-column CSV of up to 10,000 rows (I1). */
    public static final int MAX_ADDRESSES = 10_000;
    private static final DateTimeFormatter EMAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    Mailer mailer;

    @EJB
    ActivityLog activityLog;

    @EJB
    SeatLedger seatLedger;

    /**
     * Invites the addresses (I1, I2). Valid addresses are invited, each once; invalid and repeated
     * ones are listed back in {@code rejected}. With {@code send} each gets an email in the chosen
     * language; without, the codes are only returned (Download Invitations).
     */
    public InvitationBatch invite(String userId, String accountId, String keyId, List<String> emails, Language language,
            Integer expiresInDays, boolean send) {
        LicenseKey key = managedKey(userId, accountId, keyId);
        if (key.getSubscription().getProduct().getKind() != com.keyhold.subscription.ProductKind.PER_COMPUTER) {
            // S1: the fleet product is activated by SCCM proxy servers with the key itself, never by a user's code
            throw KeyholdException.badRequest("keyId", "invitations to install are for per-computer products only");
        }
        if (key.getSubscription().isSingleSignOn()) {
            // O2: users of a corporate subscription activate with their company account, not with a code
            throw KeyholdException.badRequest("keyId", "an SSO subscription's users activate with their corporate account");
        }
        List<Violation> violations = new ArrayList<>();
        if (emails == null || emails.isEmpty() || emails.size() > MAX_ADDRESSES) {
            violations.add(new Violation("emails", "between 1 and " + MAX_ADDRESSES + " email addresses are required"));
        }
        if (language == null) {
            violations.add(new Violation("language", "is required (EN or DE)"));
        }
        if (expiresInDays == null || !EXPIRY_DAYS.contains(expiresInDays)) {
            violations.add(new Violation("expiresInDays", "must be one of 1, 3, 7, 14 or 30"));
        }
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(expiresInDays));
        String downloadUrl = downloadUrl(key);
        List<InstallInvitationView> invited = new ArrayList<>();
        List<InvitationBatch.Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : emails) {
            String email = raw == null ? "" : raw.strip();
            if (!EmailAddress.isValid(email)) {
                rejected.add(new InvitationBatch.Rejected(raw, "not a valid email address"));
                continue;
            }
            EmailAddress address = new EmailAddress(email);
            if (!seen.add(address.normalized())) {
                rejected.add(new InvitationBatch.Rejected(raw, "listed more than once"));
                continue;
            }
            String code = InvitationCode.generate();
            InstallInvitation invitation = new InstallInvitation(key, address.value(), language, SecretTokens.hash(code),
                    userId, now, expiresAt);
            em.persist(invitation);
            if (send) {
                invitation.sentAs(sendEmail(invitation, code, downloadUrl));
            }
            invited.add(InstallInvitationView.of(invitation, code, downloadUrl, now));
        }
        if (!invited.isEmpty()) {
            activityLog.record(key.getSubscription().getAccount().getId(), ActivityActions.INSTALL_INVITED,
                    ActivityActions.LICENSE_KEY, key.getId(), invited.size() + " invitation(s) to install with key '"
                            + key.getName() + "'" + (send ? ", emailed" : ", downloaded without sending") + ", expiring "
                            + EMAIL_TIME.format(expiresAt) + " UTC" + (rejected.isEmpty() ? "" : "; " + rejected.size() + " address(es) refused"));
        }
        return new InvitationBatch(invited, rejected);
    }

    /**
     * The keys the caller may invite for (I1), optionally of one product, with their free seats and
     * pending invitations: every unexpired key for an account administrator, their own keys for a
     * license administrator, none for a regular member.
     */
    public List<InvitableKey> invitableKeys(String userId, String accountId, String productCode) {
        Membership membership = access.actingMembership(userId, accountId);
        Permissions permissions = Permissions.of(membership);
        Instant now = clock.instant();
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        List<InvitableKey> keys = new ArrayList<>();
        java.util.Map<String, Long> pending = new java.util.HashMap<>();
        // the pending invitations of every key of the account, counted in one statement
        em.createQuery("SELECT i.licenseKey.id, COUNT(i) FROM InstallInvitation i WHERE i.licenseKey.subscription.account.id"
                        + " = :account AND i.usedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > :now"
                        + " GROUP BY i.licenseKey.id", Object[].class)
                .setParameter("account", membership.getAccount().getId()).setParameter("now", now)
                .getResultList().forEach(row -> pending.put((String) row[0], ((Number) row[1]).longValue()));
        for (Subscription subscription : em.createQuery("SELECT s FROM Subscription s WHERE s.account.id = :account"
                + " ORDER BY s.name, s.id", Subscription.class).setParameter("account", membership.getAccount().getId())
                .getResultList()) {
            if (productCode != null && !subscription.getProduct().getCode().equals(productCode)
                    || subscription.isExpired(today)
                    || subscription.getProduct().getKind() != com.keyhold.subscription.ProductKind.PER_COMPUTER) {
                continue;
            }
            SeatPool pool = seatLedger.poolOf(subscription);
            for (LicenseKey key : seatLedger.keysOf(subscription)) {
                if (permissions.managesKey(key.getId()) && !key.isExpired(today)) {
                    keys.add(new InvitableKey(key.getId(), key.getName(), subscription.getName(),
                            subscription.getProduct().getCode(), pool.available(key.getId()), pool.quota(key.getId()),
                            pending.getOrDefault(key.getId(), 0L)));
                }
            }
        }
        return keys;
    }

    /** The key's invitations, newest first, with their status now and never their codes (I4). */
    public List<InstallInvitationView> invitations(String userId, String accountId, String keyId) {
        LicenseKey key = managedKey(userId, accountId, keyId);
        Instant now = clock.instant();
        String downloadUrl = downloadUrl(key);
        return em.createNamedQuery("InstallInvitation.ofKey", InstallInvitation.class).setParameter("keyId", key.getId())
                .getResultStream().map(i -> InstallInvitationView.of(i, null, downloadUrl, now)).toList();
    }

    /** Revokes a pending invitation: its code stops working at once (I4); a used one is kept as it is. */
    public void revoke(String userId, String accountId, String invitationId) {
        InstallInvitation invitation = managedInvitation(userId, accountId, invitationId);
        Instant now = clock.instant();
        if (invitation.statusAt(now) == InstallInvitation.Status.USED) {
            throw new KeyholdException(ErrorCode.CODE_ALREADY_USED, "This invitation has already been used to activate a computer.");
        }
        if (invitation.statusAt(now) != InstallInvitation.Status.REVOKED) {
            invitation.revoke(now);
            activityLog.record(invitation.getLicenseKey().getSubscription().getAccount().getId(),
                    ActivityActions.INSTALL_INVITATION_REVOKED, ActivityActions.INVITATION, invitation.getId(),
                    "invitation to install for " + invitation.getEmail() + " revoked");
        }
    }

    /**
     * Resends an invitation (I4) with a new code (only a hash is kept, so the old one cannot be sent
     * again; it stops working), valid for as long again as first chosen. A used or revoked one cannot
     * be resent.
     */
    public InstallInvitationView resend(String userId, String accountId, String invitationId) {
        InstallInvitation invitation = managedInvitation(userId, accountId, invitationId);
        Instant now = clock.instant();
        InstallInvitation.Status status = invitation.statusAt(now);
        if (status == InstallInvitation.Status.USED) {
            throw new KeyholdException(ErrorCode.CODE_ALREADY_USED, "This invitation has already been used to activate a computer.");
        }
        if (status == InstallInvitation.Status.REVOKED) {
            throw KeyholdException.notFound("Invitation");
        }
        String code = InvitationCode.generate();
        invitation.renew(SecretTokens.hash(code), now);
        String downloadUrl = downloadUrl(invitation.getLicenseKey());
        invitation.sentAs(sendEmail(invitation, code, downloadUrl));
        activityLog.record(invitation.getLicenseKey().getSubscription().getAccount().getId(),
                ActivityActions.INSTALL_INVITATION_RESENT, ActivityActions.INVITATION, invitation.getId(),
                "invitation to install resent to " + invitation.getEmail() + " with a new code, expiring "
                        + EMAIL_TIME.format(invitation.getExpiresAt()) + " UTC");
        return InstallInvitationView.of(invitation, null, downloadUrl, now);
    }

    /** Where the invited download the product: Keyhold's downloads page for it (T3). */
    public static String downloadUrl(LicenseKey key) {
        return Links.to("/downloads/" + key.getSubscription().getProduct().getCode().toLowerCase(Locale.ROOT));
    }

    private String sendEmail(InstallInvitation invitation, String code, String downloadUrl) {
        LicenseKey key = invitation.getLicenseKey();
        return mailer.send(EmailKind.INSTALL_INVITATION, invitation.getEmail(), invitation.getLanguage(),
                key.getSubscription().getProduct().getName(), key.getSubscription().getAccount().getName(), downloadUrl,
                code, EMAIL_TIME.format(invitation.getExpiresAt()));
    }

    /**
     * A key the caller may invite for (I1): account administrators for every key of the account,
     * license administrators for their own keys; any other key answers "not found" exactly as one of
     * another account, and a regular member is refused.
     */
    private LicenseKey managedKey(String userId, String accountId, String keyId) {
        Membership membership = access.actingMembership(userId, accountId);
        LicenseKey key = keyId == null || keyId.length() > 36 ? null : em.find(LicenseKey.class, keyId);
        if (key == null || key.getSubscription().getAccount() == null
                || !key.getSubscription().getAccount().getId().equals(membership.getAccount().getId())) {
            throw KeyholdException.notFound("License key");
        }
        Permissions permissions = Permissions.of(membership);
        if (!permissions.managesKey(key.getId())) {
            if (membership.getRole() == MemberRole.LICENSE_ADMINISTRATOR) {
                throw KeyholdException.notFound("License key");
            }
            throw new KeyholdException(ErrorCode.FORBIDDEN,
                    "Only account administrators and the key's license administrators may invite users to install.");
        }
        return key;
    }

    private InstallInvitation managedInvitation(String userId, String accountId, String invitationId) {
        InstallInvitation invitation = invitationId == null || invitationId.length() > 36 ? null
                : em.find(InstallInvitation.class, invitationId);
        if (invitation == null) {
            throw KeyholdException.notFound("Invitation");
        }
        managedKey(userId, accountId, invitation.getLicenseKey().getId());
        // locked only once the caller may act on it: a revoke or resend racing a redemption queues here
        em.refresh(invitation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return invitation;
    }
}
