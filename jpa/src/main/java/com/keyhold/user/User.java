package com.keyhold.user;

import com.keyhold.persistence.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/** A person who signs in. The password is only ever held as a salted slow hash (SPEC A1). */
@Entity
@Table(name = "users")
@NamedQuery(name = "User.byEmail", query = "SELECT u FROM User u WHERE u.emailNormalized = :email")
@NamedQuery(name = "User.operators", query = "SELECT u FROM User u WHERE u.operator = true ORDER BY u.createdAt")
public class User {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = EmailAddress.MAX_LENGTH)
    private String email;

    @Column(name = "email_normalized", nullable = false, unique = true, length = EmailAddress.MAX_LENGTH)
    private String emailNormalized;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(nullable = false)
    private boolean operator;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "terms_accepted_at")
    private Instant termsAcceptedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Sessions signed in before this instant are ended (A10: a password reset ends the other sessions). */
    @Column(name = "sessions_valid_after")
    private Instant sessionsValidAfter;

    @Version
    private long version;

    protected User() {
    }

    private User(EmailAddress email, String firstName, String lastName, String passwordHash,
            Language language, Instant now) {
        this.id = Ids.newId();
        changeEmail(email);
        rename(firstName, lastName);
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.language = Objects.requireNonNull(language);
        this.createdAt = now;
    }

    /** A customer who signed up and accepted the terms of use. */
    public static User signedUp(EmailAddress email, String firstName, String lastName, String passwordHash,
            Language language, Instant now) {
        User user = new User(email, firstName, lastName, passwordHash, language, now);
        user.termsAcceptedAt = now;
        return user;
    }

    /** The vendor's operator (SPEC O1); a generated password must be changed at first sign-in. */
    public static User operator(EmailAddress email, String passwordHash, boolean passwordIsOneTime, Instant now) {
        User user = new User(email, "Keyhold", "Operator", passwordHash, Language.EN, now);
        user.operator = true;
        user.mustChangePassword = passwordIsOneTime;
        return user;
    }

    public void changeEmail(EmailAddress newEmail) {
        this.email = newEmail.value();
        this.emailNormalized = newEmail.normalized();
    }

    public void rename(String newFirstName, String newLastName) {
        this.firstName = Objects.requireNonNull(newFirstName).strip();
        this.lastName = Objects.requireNonNull(newLastName).strip();
    }

    public void changeLanguage(Language newLanguage) {
        this.language = Objects.requireNonNull(newLanguage);
    }

    /** The same password, hashed again with the current cost (no other effect). */
    public void rehashPassword(String samePasswordNewHash) {
        this.passwordHash = Objects.requireNonNull(samePasswordNewHash);
    }

    public void changePasswordHash(String newPasswordHash) {
        this.passwordHash = Objects.requireNonNull(newPasswordHash);
        this.mustChangePassword = false;
    }

    /** Ends every session and remember-me sign-in that started before {@code now}. */
    public void endSessionsBefore(Instant now) {
        this.sessionsValidAfter = now;
    }

    public Instant getSessionsValidAfter() {
        return sessionsValidAfter;
    }

    /** Whether a session that signed in at {@code signedInAt} is still valid. */
    public boolean acceptsSessionFrom(Instant signedInAt) {
        return sessionsValidAfter == null || signedInAt != null && !signedInAt.isBefore(sessionsValidAfter);
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getDisplayName() {
        return firstName + " " + lastName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Language getLanguage() {
        return language;
    }

    public boolean isOperator() {
        return operator;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getTermsAcceptedAt() {
        return termsAcceptedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
