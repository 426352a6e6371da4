package com.keyhold.server;

import com.keyhold.account.Account;
import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.security.ApiTokenService;
import com.keyhold.security.SecretTokens;
import com.keyhold.user.EmailAddress;
import com.keyhold.user.PasswordHasher;
import com.keyhold.user.PasswordPolicy;
import com.keyhold.user.User;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Creates the first operator on first start (SPEC O1), from MicroProfile Config, so system
 * properties and environment variables both work:
 * <ul>
 * <li>{@code keyhold.bootstrap.operator-email} ({@code KEYHOLD_BOOTSTRAP_OPERATOR_EMAIL});</li>
 * <li>{@code keyhold.bootstrap.operator-password}: when absent a one-time password is generated and
 * written to the server log, the one secret Keyhold ever logs, and must be changed at first
 * sign-in; there is no built-in default password;</li>
 * <li>{@code keyhold.bootstrap.operator-token} (at least 32 characters): an operator API token for
 * provisioning scripts (CONTRACT section 7), checked on every start.</li>
 * </ul>
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class OperatorBootstrap {

    public static final String DEFAULT_EMAIL = "operator@keyhold.local";
    public static final int MIN_TOKEN_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Clock clock;

    @EJB
    ApiTokenService apiTokens;

    @PostConstruct
    void bootstrap() {
        Config config = ConfigProvider.getConfig();
        List<User> operators = em.createNamedQuery("User.operators", User.class).setMaxResults(1).getResultList();
        User first = operators.isEmpty() ? createFirstOperator(config) : operators.get(0);
        Optional<String> token = config.getOptionalValue("keyhold.bootstrap.operator-token", String.class)
                .map(String::strip).filter(t -> !t.isEmpty());
        if (token.isPresent()) {
            if (token.get().length() < MIN_TOKEN_LENGTH) {
                LOG.severe("keyhold.bootstrap.operator-token is shorter than " + MIN_TOKEN_LENGTH
                        + " characters and was ignored");
            } else {
                apiTokens.ensureToken(first, "bootstrap (configuration)", token.get());
            }
        }
    }

    private User createFirstOperator(Config config) {
        EmailAddress email = new EmailAddress(config.getOptionalValue("keyhold.bootstrap.operator-email", String.class)
                .orElse(DEFAULT_EMAIL));
        Optional<String> configuredPassword = config.getOptionalValue("keyhold.bootstrap.operator-password", String.class)
                .filter(p -> !p.isBlank());
        if (configuredPassword.isPresent() && !PasswordPolicy.check(configuredPassword.get(), configuredPassword.get()).isEmpty()) {
            throw new IllegalStateException("keyhold.bootstrap.operator-password must be at least "
                    + PasswordPolicy.MIN_LENGTH + " characters long");
        }
        String password = configuredPassword.orElseGet(() -> SecretTokens.generate("").substring(0, 20));
        Instant now = clock.instant();
        User operator = User.operator(email, passwordHasher.hash(password), configuredPassword.isEmpty(), now);
        Account personal = Account.personal(operator.getDisplayName(), now);
        em.persist(operator);
        em.persist(personal);
        em.persist(new Membership(personal, operator, MemberRole.ACCOUNT_ADMINISTRATOR, now));
        if (configuredPassword.isEmpty()) {
            // SPEC O1: the single secret Keyhold ever logs.
            LOG.warning("Keyhold created the first operator " + email + " with the one-time password "
                    + password + " ; it must be changed at first sign-in.");
        } else {
            LOG.info("Keyhold created the first operator " + email + " with the configured password");
        }
        return operator;
    }
}
