package com.keyhold.web.security;

import com.keyhold.user.CallerIdentity;
import com.keyhold.user.UserService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * Email and password, checked by {@link UserService}. The caller principal's name is the user id,
 * which stays the same when the user changes their email.
 */
@ApplicationScoped
public class PasswordIdentityStore implements IdentityStore {

    @EJB
    UserService users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<CallerIdentity> identity = users.verifyCredentials(credential.getCaller(),
                credential.getPasswordAsString());
        return identity.map(PasswordIdentityStore::resultOf).orElse(CredentialValidationResult.INVALID_RESULT);
    }

    static CredentialValidationResult resultOf(CallerIdentity identity) {
        return new CredentialValidationResult(new CallerPrincipal(identity.userId()), identity.groups());
    }
}
