package com.keyhold.activity;

import com.keyhold.common.RequestOrigin;
import com.keyhold.user.User;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.Clock;

/**
 * Writes activity log entries (issue 9). Only ever called from inside a service method, in that
 * method's transaction ({@link TransactionAttributeType#MANDATORY}): the entry commits with the
 * action and disappears with it when the action is refused or rolled back. Calling it without a
 * transaction is a programming error, and the container says so.
 *
 * <p>The actor is the caller the container authenticated (the user id of the signed-in user or API
 * token), not an id a caller passes, so an entry cannot name someone else; an anonymous caller (a
 * new user joining through an invitation link) is recorded without an actor. The address is the
 * request's ({@link RequestOrigin}); background work has none.
 *
 * <p>Action names are stable upper-case dotted words ({@link ActivityActions}); summaries are for
 * people and never carry secrets: callers mask license keys and never pass tokens or passwords.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ActivityLog {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /**
     * Records one action.
     *
     * @param accountId the account the action concerns (null when none yet, e.g. an issued subscription)
     * @param action one of {@link ActivityActions}
     * @param objectType what was acted on ({@code LicenseKey}, {@code Computer}, {@code Member}…)
     * @param objectId its id, null for an action on many objects (the summary then says how many)
     */
    public void record(String accountId, String action, String objectType, String objectId, String summary) {
        String actorId = callerId();
        if (actorId != null && actorId.startsWith(com.keyhold.scim.ScimService.PRINCIPAL_PREFIX)) {
            // the account's identity provider, through one of its SCIM tokens (O3): named by the token
            com.keyhold.scim.ScimToken token = em.find(com.keyhold.scim.ScimToken.class,
                    actorId.substring(com.keyhold.scim.ScimService.PRINCIPAL_PREFIX.length()));
            String label = token == null ? "SCIM" : "SCIM token '" + token.getName() + "'";
            em.persist(new ActivityEntry(clock.instant(), null, label.length() > 254 ? label.substring(0, 254) : label,
                    accountId, action, objectType, objectId, summary, RequestOrigin.currentAddress().orElse(null)));
            return;
        }
        User actor = actorId == null ? null : em.find(User.class, actorId);
        em.persist(new ActivityEntry(clock.instant(), actor == null ? null : actor.getId(),
                actor == null ? null : actor.getEmail(), accountId, action, objectType, objectId, summary,
                RequestOrigin.currentAddress().orElse(null)));
    }

    /** The authenticated caller's user id, or null for an anonymous caller ("ANONYMOUS" on Payara). */
    private String callerId() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        return name == null || name.isBlank() || name.equalsIgnoreCase("anonymous") ? null : name;
    }
}
