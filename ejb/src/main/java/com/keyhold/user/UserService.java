package com.keyhold.user;

import com.keyhold.account.Account;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.common.Callers;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.RequestOrigin;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import com.keyhold.security.ApiTokenService;
import com.keyhold.security.RememberMeService;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sign-up, credential checks and password changes (SPEC A1, A9, O1). */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @EJB
    SignInGuard signInGuard;

    @EJB
    RememberMeService rememberMe;

    @EJB
    ApiTokenService apiTokens;

    @EJB
    Mailer mailer;

    @Resource
    SessionContext context;

    /**
     * Creates the user with their personal account, of which they are the administrator (A1).
     *
     * @return the new user's id
     */
    public String signUp(SignUpRequest request) {
        List<Violation> violations = new ArrayList<>(Validation.violationsOf(validator, request));
        violations.addAll(PasswordPolicy.check(request.password(), request.passwordRepeated()));
        if (violations.stream().noneMatch(v -> v.field().equals("email")) && !EmailAddress.isValid(request.email())) {
            violations.add(new Violation("email", "is not a valid email address"));
        }
        Validation.require(violations);
        EmailAddress email = new EmailAddress(request.email());
        if (findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        User user = User.signedUp(email, request.firstName(), request.lastName(),
                passwordHasher.hash(request.password()), request.language(), now);
        Account personal = Account.personal(user.getDisplayName(), now);
        em.persist(user);
        em.persist(personal);
        em.persist(new Membership(personal, user, MemberRole.ACCOUNT_ADMINISTRATOR, now));
        try {
            em.flush();
        } catch (PersistenceException raceOnUniqueEmail) {
            throw emailTaken();
        }
        return user.getId();
    }

    /**
     * Checks an email and password. Unknown email and wrong password are indistinguishable, in
     * answer and in time (A1).
     */
    public Optional<CallerIdentity> verifyCredentials(String email, String password) {
        if (email == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH
                || !EmailAddress.isValid(email)) {
            return Optional.empty();
        }
        EmailAddress address = new EmailAddress(email);
        Optional<User> user = findByEmail(address);
        // claimed and counted under a lock before the hash is spent: parallel guesses queue there
        long attemptId = signInGuard.claim(address.normalized(), RequestOrigin.currentAddress().orElse(null),
                user.map(User::getSessionsValidAfter).orElse(null));
        boolean matches;
        if (user.isEmpty()) {
            passwordHasher.verifyDecoy(password);
            matches = false;
        } else {
            matches = passwordHasher.matches(password, user.get().getPasswordHash());
        }
        if (!matches) {
            return Optional.empty();
        }
        em.find(SignInAttempt.class, attemptId).markSucceeded();
        if (passwordHasher.needsRehash(user.get().getPasswordHash())) {
            user.get().rehashPassword(passwordHasher.hash(password)); // raised cost applies at the next sign-in
        }
        return Optional.of(identityOf(user.get()));
    }

    /**
     * {@link #verifyCredentials} in a transaction of its own, so that the attempt counts for the
     * sign-in throttle even when the caller's work then fails (joining with a password, A5).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<CallerIdentity> verifyCredentialsAndRecord(String email, String password) {
        return verifyCredentials(email, password);
    }

    /** The identity of a signed-in user, read afresh on every request so that changes apply at once. */
    public Optional<CallerIdentity> identity(String userId) {
        return Optional.ofNullable(userId).map(id -> em.find(User.class, id)).map(UserService::identityOf);
    }

    /**
     * The identity behind a signed-in session, unless the session began before the user's sessions
     * were ended (A10: a password reset signs the user out everywhere).
     */
    public Optional<CallerIdentity> sessionIdentity(String userId, Instant signedInAt) {
        return Optional.ofNullable(userId).map(id -> em.find(User.class, id))
                .filter(user -> user.acceptsSessionFrom(signedInAt))
                .map(UserService::identityOf);
    }

    /** The latest sign-in attempts for the user's email, successful or not (A9: recent sign-ins). */
    public List<SignInAttempt> recentSignIns(String userId) {
        User user = get(Callers.requireCaller(context, userId));
        return em.createQuery("SELECT a FROM SignInAttempt a WHERE a.emailNormalized = :email ORDER BY a.attemptedAt DESC",
                        SignInAttempt.class)
                .setParameter("email", new EmailAddress(user.getEmail()).normalized())
                .setMaxResults(20).getResultList();
    }

    public User get(String userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw KeyholdException.notFound("User");
        }
        return user;
    }

    /**
     * Edits the personal profile (A9): names, email (still unique, case-insensitively) and language.
     * A new email needs the current password, and the old address is told (issue 9): whoever holds a
     * session for a moment cannot take the account over quietly.
     */
    public void updateProfile(String userId, String firstName, String lastName, String email, Language language,
            String currentPassword) {
        User user = get(Callers.requireCaller(context, userId));
        List<Violation> violations = new ArrayList<>();
        if (firstName == null || firstName.isBlank() || firstName.length() > 100) {
            violations.add(new Violation("firstName", "is required, at most 100 characters"));
        }
        if (lastName == null || lastName.isBlank() || lastName.length() > 100) {
            violations.add(new Violation("lastName", "is required, at most 100 characters"));
        }
        if (!EmailAddress.isValid(email)) {
            violations.add(new Violation("email", "is not a valid email address"));
        }
        if (language == null) {
            violations.add(new Violation("language", "is required"));
        }
        Validation.require(violations);
        EmailAddress address = new EmailAddress(email);
        boolean emailChanges = !address.normalized().equals(new EmailAddress(user.getEmail()).normalized())
                || !address.value().equals(user.getEmail());
        if (emailChanges && (currentPassword == null || !passwordHasher.matches(currentPassword, user.getPasswordHash()))) {
            throw KeyholdException.badRequest("currentPassword", "is required to change your email address, and must be your current password");
        }
        if (findByEmail(address).filter(other -> !other.getId().equals(userId)).isPresent()) {
            throw emailTaken();
        }
        String oldEmail = user.getEmail();
        user.rename(firstName, lastName);
        user.changeEmail(address);
        user.changeLanguage(language);
        if (emailChanges) {
            mailer.send(EmailKind.EMAIL_CHANGED, oldEmail, user.getLanguage(), user.getFirstName(), address.value());
        }
        try {
            em.flush();
        } catch (PersistenceException raceOnUniqueEmail) {
            throw emailTaken();
        }
    }

    /**
     * Changes the password after checking the current one; clears the one-time-password flag (O1).
     * Every session of the user ends (the caller's page starts a new one), and their remember-me and
     * API tokens are revoked, except the operator token of the configuration (issue 9); the user is
     * told by email.
     *
     * @return how many remember-me and API tokens were revoked
     */
    public int changePassword(String userId, String currentPassword, String newPassword, String newPasswordRepeated) {
        User user = get(Callers.requireCaller(context, userId));
        if (currentPassword == null || !passwordHasher.matches(currentPassword, user.getPasswordHash())) {
            throw KeyholdException.badRequest("currentPassword", "is not your current password");
        }
        Validation.require(PasswordPolicy.check(newPassword, newPasswordRepeated));
        if (newPassword.equals(currentPassword)) {
            throw KeyholdException.badRequest("password", "must differ from the current password");
        }
        user.changePasswordHash(passwordHasher.hash(newPassword));
        user.endSessionsBefore(clock.instant());
        int revoked = rememberMe.revokeAllOf(user) + apiTokens.revokeAllOf(user);
        mailer.send(EmailKind.PASSWORD_CHANGED, user.getEmail(), user.getLanguage(), user.getFirstName(), revoked);
        return revoked;
    }

    public Optional<User> findByEmail(EmailAddress email) {
        return em.createNamedQuery("User.byEmail", User.class)
                .setParameter("email", email.normalized())
                .getResultStream().findFirst();
    }

    private static CallerIdentity identityOf(User user) {
        return new CallerIdentity(user.getId(), user.isOperator(), user.isMustChangePassword());
    }

    private static KeyholdException emailTaken() {
        return new KeyholdException(ErrorCode.EMAIL_TAKEN, "An account with this email address already exists.");
    }
}
