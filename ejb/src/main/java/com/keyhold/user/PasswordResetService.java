package com.keyhold.user;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Links;
import com.keyhold.common.Validation;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.security.SecretTokens;
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
import java.util.Optional;

/**
 * Password reset by email (SPEC A10): a single-use link valid for one hour. Asking never tells
 * whether the email belongs to a user. Using the link sets the new password and ends the user's
 * other links, sessions and remember-me sign-ins; it also works while sign-in is throttled (A1), so
 * the legitimate user is never locked out by someone guessing their password.
 */
@Stateless
public class PasswordResetService {

    public static final Duration VALIDITY = Duration.ofHours(1);
    /** At most this many links per user and hour, so the form cannot be used to flood a mailbox. */
    static final int MAX_PER_HOUR = 3;
    public static final String RESET_PAGE = "/reset-password.xhtml";
    private static final String TOKEN_PREFIX = "khr_";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PasswordHasher passwordHasher;

    @EJB
    UserService users;

    @EJB
    Mailer mailer;

    @EJB
    com.keyhold.security.RememberMeService rememberMe;

    @EJB
    com.keyhold.security.ApiTokenService apiTokens;

    /** Sends a reset link if a user has this email; answers the same either way. */
    public void requestReset(String email) {
        if (!EmailAddress.isValid(email == null ? null : email.strip())) {
            throw KeyholdException.badRequest("email", "is not a valid email address");
        }
        Optional<User> user = users.findByEmail(new EmailAddress(email.strip()));
        if (user.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long recent = em.createQuery("SELECT COUNT(r) FROM PasswordReset r WHERE r.user = :user AND r.createdAt > :since", Long.class)
                .setParameter("user", user.get()).setParameter("since", now.minus(Duration.ofHours(1))).getSingleResult();
        if (recent >= MAX_PER_HOUR) {
            return;
        }
        String token = SecretTokens.generate(TOKEN_PREFIX);
        em.persist(new PasswordReset(SecretTokens.hash(token), user.get(), now, now.plus(VALIDITY)));
        mailer.send(EmailKind.PASSWORD_RESET, user.get().getEmail(), user.get().getLanguage(), user.get().getFirstName(),
                Links.to(RESET_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)), VALIDITY.toMinutes());
    }

    /** Whether a link can still be used; its error code otherwise (the page says so before asking for a password). */
    public void check(String token) {
        usable(token, false);
    }

    /** Sets the new password and ends every session, remember-me and API token of the user (A10, issue 9). */
    public void reset(String token, String newPassword, String newPasswordRepeated) {
        // The user's row is locked before any of their links, so two links used at once queue there
        // instead of deadlocking on each other's rows; the second then finds its link used.
        User user = usable(token, false).getUser();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        PasswordReset reset = usable(token, true);
        Validation.require(PasswordPolicy.check(newPassword, newPasswordRepeated));
        Instant now = clock.instant();
        user.changePasswordHash(passwordHasher.hash(newPassword));
        user.endSessionsBefore(now);
        reset.use(now);
        endOtherLinks(reset, now);
        rememberMe.revokeAllOf(user);
        apiTokens.revokeAllOf(user); // issue 9: a reset also ends the API tokens (the configured operator token excepted)
    }

    /**
     * Single use across links (A10): once one link has set a password, an older email still lying in
     * the mailbox must not set another one. Marked used rather than deleted, so such a link answers
     * CODE_ALREADY_USED like the one just used. Callers hold the user's row lock (see {@link #reset}).
     */
    private void endOtherLinks(PasswordReset used, Instant now) {
        em.createQuery("SELECT r FROM PasswordReset r WHERE r.user = :user AND r.usedAt IS NULL AND r.expiresAt > :now",
                        PasswordReset.class)
                .setParameter("user", used.getUser()).setParameter("now", now)
                .getResultStream()
                .filter(other -> other != used)
                .forEach(other -> other.use(now));
    }

    private PasswordReset usable(String token, boolean lock) {
        PasswordReset reset = token == null || token.isBlank() ? null
                : em.find(PasswordReset.class, SecretTokens.hash(token.strip()),
                        lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        if (reset == null) {
            throw KeyholdException.notFound("Password reset link");
        }
        if (reset.isUsed()) {
            throw new KeyholdException(ErrorCode.CODE_ALREADY_USED, "This reset link has already been used. Ask for a new one.");
        }
        if (reset.isExpiredAt(clock.instant())) {
            throw new KeyholdException(ErrorCode.CODE_EXPIRED, "This reset link has expired. Ask for a new one.");
        }
        return reset;
    }
}
