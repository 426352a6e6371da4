package com.keyhold.user;

import com.keyhold.account.Account;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import jakarta.ejb.Stateless;
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
        Optional<User> user = findByEmail(new EmailAddress(email));
        if (user.isEmpty()) {
            passwordHasher.verifyDecoy(password);
            return Optional.empty();
        }
        if (!passwordHasher.matches(password, user.get().getPasswordHash())) {
            return Optional.empty();
        }
        return Optional.of(identityOf(user.get()));
    }

    /** The identity of a signed-in user, read afresh on every request so that changes apply at once. */
    public Optional<CallerIdentity> identity(String userId) {
        return Optional.ofNullable(userId).map(id -> em.find(User.class, id)).map(UserService::identityOf);
    }

    public User get(String userId) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw KeyholdException.notFound("User");
        }
        return user;
    }

    /** Changes the password after checking the current one; clears the one-time-password flag (O1). */
    public void changePassword(String userId, String currentPassword, String newPassword, String newPasswordRepeated) {
        User user = get(userId);
        if (currentPassword == null || !passwordHasher.matches(currentPassword, user.getPasswordHash())) {
            throw KeyholdException.badRequest("currentPassword", "is not your current password");
        }
        Validation.require(PasswordPolicy.check(newPassword, newPasswordRepeated));
        if (newPassword.equals(currentPassword)) {
            throw KeyholdException.badRequest("password", "must differ from the current password");
        }
        user.changePasswordHash(passwordHasher.hash(newPassword));
    }

    Optional<User> findByEmail(EmailAddress email) {
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
