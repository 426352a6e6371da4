package com.keyhold.account;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Links;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.mail.OutgoingEmail;
import com.keyhold.security.SecretTokens;
import com.keyhold.user.EmailAddress;
import com.keyhold.user.Language;
import com.keyhold.user.SignUpRequest;
import com.keyhold.user.User;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Invitations to join a business account (SPEC A5, E2): administrators invite several emails at
 * once, in a chosen language; each gets a join link with a single-use token that expires (default 7
 * days, {@code keyhold.invitations.member-expiry-days}). An existing user joins with their password,
 * a new one chooses name and password; joiners start as Regular Members, or as License
 * Administrators of the key they were invited for from the key dialog.
 */
@Stateless
public class MemberInvitationService {

    public static final int MAX_EMAILS = 50;
    /**
     * The activity log's action for a resent invitation. Named here until {@code ActivityActions} lists
     * it (its owner adds it there, with the Activity page's label).
     */
    public static final String INVITATION_RESENT = ActivityActions.MEMBER_INVITATION_RESENT;
    public static final String JOIN_PAGE = "/join.xhtml";
    private static final String TOKEN_PREFIX = "khj_";
    private static final DateTimeFormatter EMAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    UserService users;

    @EJB
    Mailer mailer;

    @EJB
    ActivityLog activityLog;

    /**
     * Invites these emails (A5) and sends each a join link. All or nothing: one invalid email, or one
     * who is already a member, and nobody is invited.
     *
     * @param licenseKeyId null, or a key of the account the invitees will administer (the key dialog's invite)
     * @param expiresInDays null for the default
     */
    public List<InvitationView> invite(String userId, String accountId, List<String> emails, Language language,
            String licenseKeyId, Integer expiresInDays) {
        Membership mine = access.actingMembership(userId, accountId);
        Account account = mine.getAccount();
        if (licenseKeyId != null && em.createQuery("SELECT COUNT(k) FROM LicenseKey k WHERE k.id = :id"
                + " AND k.subscription.account = :account", Long.class)
                .setParameter("id", licenseKeyId).setParameter("account", account).getSingleResult() == 0) {
            throw KeyholdException.notFound("License key");
        }
        AccountAccess.requireAdministrator(mine);
        if (account.getType() != AccountType.BUSINESS) {
            throw KeyholdException.badRequest("account", "members can be invited only to a business account");
        }
        Map<String, EmailAddress> addresses = validEmails(emails);
        List<Violation> violations = new ArrayList<>();
        if (language == null) {
            violations.add(new Violation("language", "is required (EN or DE)"));
        }
        int days = expiresInDays == null ? defaultExpiryDays() : expiresInDays;
        if (days < 1 || days > 30) {
            violations.add(new Violation("expiresInDays", "must be between 1 and 30"));
        }
        addresses.values().forEach(address -> {
            if (isMember(account, address)) {
                violations.add(new Violation("emails", address.value() + " is already a member of this account"));
            }
        });
        Validation.require(violations);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(days));
        String inviter = users.get(userId).getDisplayName();
        List<InvitationView> invited = new ArrayList<>();
        for (EmailAddress address : addresses.values()) {
            MemberInvitation invitation = issue(account, address.value(), address.normalized(), language, licenseKeyId,
                    userId, inviter, now, expiresAt);
            invited.add(new InvitationView(invitation, em.find(OutgoingEmail.class, invitation.getEmailId()), now));
            activityLog.record(account.getId(), ActivityActions.MEMBER_INVITED, ActivityActions.INVITATION, invitation.getId(),
                    address.value() + " invited" + (licenseKeyId == null ? "" : " as license administrator of key " + licenseKeyId)
                            + ", expires " + EMAIL_TIME.format(expiresAt) + " UTC");
        }
        return invited;
    }

    /**
     * Resend (A5, E2): a pending or expired invitation goes out again as a new invitation with a fresh
     * link and a fresh expiry (the default days from now), to the same address, in the same language,
     * for the same key. Only the hash of a link is kept, so the old link cannot be mailed again; it
     * stops working at once (a pending one is withdrawn), so only the newest email joins. An accepted or
     * withdrawn invitation is not resent, nor one whose address has become a member meanwhile.
     *
     * @return the new invitation
     */
    public InvitationView resend(String userId, String accountId, String invitationId) {
        Membership mine = access.actingMembership(userId, accountId);
        MemberInvitation old = invitationId == null ? null
                : em.find(MemberInvitation.class, invitationId, LockModeType.PESSIMISTIC_WRITE);
        if (old == null || !old.getAccount().getId().equals(mine.getAccount().getId())) {
            throw KeyholdException.notFound("Invitation");
        }
        AccountAccess.requireAdministrator(mine);
        Account account = mine.getAccount();
        Instant now = clock.instant();
        switch (old.statusAt(now)) {
            case ACCEPTED -> throw new KeyholdException(ErrorCode.CODE_ALREADY_USED,
                    "This invitation has already been accepted; there is nothing to resend.");
            case REVOKED -> throw KeyholdException.badRequest("invitation",
                    "was withdrawn; invite " + old.getEmail() + " again instead");
            default -> {
                // PENDING or EXPIRED
            }
        }
        EmailAddress address = new EmailAddress(old.getEmail());
        if (isMember(account, address)) {
            throw KeyholdException.badRequest("emails", old.getEmail() + " is already a member of this account");
        }
        String keyId = old.getLicenseKeyId();
        if (keyId != null && em.createQuery("SELECT COUNT(k) FROM LicenseKey k WHERE k.id = :id"
                + " AND k.subscription.account = :account", Long.class)
                .setParameter("id", keyId).setParameter("account", account).getSingleResult() == 0) {
            throw KeyholdException.badRequest("keyId", "the license key of this invitation no longer exists;"
                    + " invite " + old.getEmail() + " again instead");
        }
        if (old.statusAt(now) == MemberInvitation.Status.PENDING) {
            old.revoke(now);
        }
        Instant expiresAt = now.plus(Duration.ofDays(defaultExpiryDays()));
        MemberInvitation invitation = issue(account, old.getEmail(), old.getEmailNormalized(), old.getLanguage(), keyId,
                userId, users.get(userId).getDisplayName(), now, expiresAt);
        activityLog.record(account.getId(), INVITATION_RESENT, ActivityActions.INVITATION, invitation.getId(),
                "invitation of " + old.getEmail() + " resent with a new link (replaces invitation " + old.getId()
                        + ", whose link no longer works), expires " + EMAIL_TIME.format(expiresAt) + " UTC");
        return new InvitationView(invitation, em.find(OutgoingEmail.class, invitation.getEmailId()), now);
    }

    /** A new invitation with its own single-use link, emailed at once (through the outbox). */
    private MemberInvitation issue(Account account, String email, String emailNormalized, Language language,
            String licenseKeyId, String userId, String inviter, Instant now, Instant expiresAt) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
        MemberInvitation invitation = new MemberInvitation(account, email, emailNormalized, language, licenseKeyId,
                SecretTokens.hash(token), userId, now, expiresAt);
        em.persist(invitation);
        invitation.sentAs(mailer.send(EmailKind.MEMBER_INVITATION, email, language, account.getName(), inviter,
                joinLink(token), EMAIL_TIME.format(expiresAt)));
        return invitation;
    }

    /** The account's invitations, newest first, with their status now (administrators). */
    public List<InvitationView> invitations(String userId, String accountId) {
        Membership mine = access.actingMembership(userId, accountId);
        AccountAccess.requireAdministrator(mine);
        Instant now = clock.instant();
        List<MemberInvitation> invitations = em.createNamedQuery("MemberInvitation.ofAccount", MemberInvitation.class)
                .setParameter("account", mine.getAccount().getId())
                .setMaxResults(500)
                .getResultList();
        Map<String, OutgoingEmail> emails = new HashMap<>();
        List<String> emailIds = invitations.stream().map(MemberInvitation::getEmailId).filter(Objects::nonNull)
                .toList();
        if (!emailIds.isEmpty()) {
            em.createQuery("SELECT e FROM OutgoingEmail e WHERE e.id IN :ids", OutgoingEmail.class)
                    .setParameter("ids", emailIds).getResultList().forEach(e -> emails.put(e.getId(), e));
        }
        return invitations.stream().map(i -> new InvitationView(i, emails.get(i.getEmailId()), now)).toList();
    }

    /** Withdraws a pending invitation: its link stops working at once. */
    public InvitationView revoke(String userId, String accountId, String invitationId) {
        Membership mine = access.actingMembership(userId, accountId);
        MemberInvitation invitation = invitationId == null ? null : em.find(MemberInvitation.class, invitationId);
        if (invitation == null || !invitation.getAccount().getId().equals(mine.getAccount().getId())) {
            throw KeyholdException.notFound("Invitation");
        }
        AccountAccess.requireAdministrator(mine);
        Instant now = clock.instant();
        if (invitation.statusAt(now) == MemberInvitation.Status.PENDING) {
            invitation.revoke(now);
            activityLog.record(invitation.getAccount().getId(), ActivityActions.MEMBER_INVITATION_REVOKED,
                    ActivityActions.INVITATION, invitation.getId(), "invitation of " + invitation.getEmail() + " withdrawn");
        }
        return new InvitationView(invitation,
                invitation.getEmailId() == null ? null : em.find(OutgoingEmail.class, invitation.getEmailId()), now);
    }

    /** What the join page shows for a link; a used, expired or unknown link answers its error code. */
    public JoinPreview preview(String token) {
        MemberInvitation invitation = usable(token, false);
        return new JoinPreview(invitation.getAccount().getName(), invitation.getEmail(),
                users.findByEmail(new EmailAddress(invitation.getEmail())).isPresent());
    }

    /**
     * An existing user accepts with their password (A5).
     *
     * @return the account joined
     */
    public String acceptAsExistingUser(String token, String password) {
        MemberInvitation invitation = usable(token, true);
        EmailAddress email = new EmailAddress(invitation.getEmail());
        Optional<User> user = users.findByEmail(email);
        if (user.isEmpty()) {
            throw KeyholdException.badRequest("email", "no Keyhold user has this email yet: choose your name and a password");
        }
        // Through the sign-in check, so guessing a password here is throttled like signing in (A1).
        if (users.verifyCredentialsAndRecord(invitation.getEmail(), password).isEmpty()) {
            throw KeyholdException.badRequest("password", "is not the password of " + invitation.getEmail());
        }
        return join(invitation, user.get());
    }

    /**
     * A new user accepts by choosing name and password (A5, with the sign-up rules of A1); the
     * invitation's email and language become theirs.
     *
     * @return the account joined
     */
    public String acceptAsNewUser(String token, String firstName, String lastName, String password,
            String passwordRepeated, boolean termsAccepted) {
        MemberInvitation invitation = usable(token, true);
        String newUserId = users.signUp(new SignUpRequest(invitation.getEmail(), firstName, lastName, password,
                passwordRepeated, invitation.getLanguage(), termsAccepted));
        return join(invitation, users.get(newUserId));
    }

    private String join(MemberInvitation invitation, User user) {
        Account account = invitation.getAccount();
        Instant now = clock.instant();
        Optional<Membership> existing = em.createQuery("SELECT m FROM Membership m WHERE m.account = :account AND m.user = :user",
                        Membership.class)
                .setParameter("account", account).setParameter("user", user).getResultStream().findFirst();
        if (existing.isPresent() && existing.get().isBlocked()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Your access to this business account has been blocked.");
        }
        if (existing.isEmpty()) {
            Membership membership = new Membership(account, user, MemberRole.REGULAR_MEMBER, now);
            String keyId = invitation.getLicenseKeyId();
            if (keyId != null) {
                membership.changeRole(MemberRole.LICENSE_ADMINISTRATOR, List.of(keyId));
            }
            em.persist(membership);
            activityLog.record(account.getId(), ActivityActions.MEMBER_JOINED, ActivityActions.MEMBER, user.getId(),
                    user.getEmail() + " joined as " + membership.getRole() + " (invitation " + invitation.getId() + ")");
        }
        invitation.accept(user.getId(), now);
        return account.getId();
    }

    /** The invitation of a link, if it can still be used (E2: the expiry instant decides, not a sweep). */
    private MemberInvitation usable(String token, boolean lock) {
        MemberInvitation invitation = token == null || token.isBlank() ? null
                : em.createNamedQuery("MemberInvitation.byTokenHash", MemberInvitation.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultStream().findFirst().orElse(null);
        if (invitation == null) {
            throw KeyholdException.notFound("Invitation");
        }
        return switch (invitation.statusAt(clock.instant())) {
            case PENDING -> invitation;
            case ACCEPTED -> throw new KeyholdException(ErrorCode.CODE_ALREADY_USED, "This invitation has already been accepted.");
            case EXPIRED, REVOKED -> throw new KeyholdException(ErrorCode.CODE_EXPIRED,
                    "This invitation has expired or was withdrawn. Ask an administrator to invite you again.");
        };
    }

    private boolean isMember(Account account, EmailAddress address) {
        return em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.account = :account"
                        + " AND m.user.emailNormalized = :email", Long.class)
                .setParameter("account", account).setParameter("email", address.normalized()).getSingleResult() > 0;
    }

    private static Map<String, EmailAddress> validEmails(List<String> emails) {
        if (emails == null || emails.isEmpty() || emails.size() > MAX_EMAILS) {
            throw KeyholdException.badRequest("emails", "between 1 and " + MAX_EMAILS + " email addresses are required");
        }
        List<Violation> violations = new ArrayList<>();
        Map<String, EmailAddress> unique = new LinkedHashMap<>();
        for (String email : emails) {
            if (!EmailAddress.isValid(email == null ? null : email.strip())) {
                violations.add(new Violation("emails", "'" + email + "' is not a valid email address"));
            } else {
                EmailAddress address = new EmailAddress(email.strip());
                unique.putIfAbsent(address.normalized(), address);
            }
        }
        Validation.require(violations);
        return unique;
    }

    private static String joinLink(String token) {
        return Links.to(JOIN_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static int defaultExpiryDays() {
        return ConfigProvider.getConfig().getOptionalValue("keyhold.invitations.member-expiry-days", Integer.class).orElse(7);
    }
}
