package com.keyhold.scim;

import com.keyhold.account.MemberRole;
import com.keyhold.account.Membership;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.computer.Activation;
import com.keyhold.computer.ActivationStatus;
import com.keyhold.account.MemberInvitation;
import com.keyhold.invitation.InstallInvitation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What leaving the company costs a person in Keyhold (SPEC O3, CONTRACT section 8), in the SCIM
 * request's transaction: every active computer activated by ID token as this user is deactivated at
 * once (its next check-in answers {@code DEACTIVATED}), and the account member with the same email
 * loses the license-administrator role and their pending invitations (to install and to join).
 * A person is matched as the ID tokens are: by externalId = the token's subject, or without an
 * externalId by userName = the token's email or preferred_username.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Deprovisioning {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    ActivityLog activityLog;

    /** @return how many computers were deactivated */
    public int revoke(ScimUser user, String reason) {
        Instant now = clock.instant();
        List<Activation> computers = activationsOf(user);
        computers.forEach(a -> a.deactivate(now));
        List<String> effects = new ArrayList<>();
        effects.add(computers.size() + " computers deactivated" + (computers.isEmpty() ? ""
                : ": " + computers.stream().map(Deprovisioning::nameOf).collect(Collectors.joining(", "))));
        Set<String> emails = new LinkedHashSet<>();
        if (user.getEmail() != null) {
            emails.add(ScimUser.keyOf(user.getEmail()));
        }
        emails.add(ScimUser.keyOf(user.getUserName()));
        List<Membership> members = em.createQuery("SELECT m FROM Membership m WHERE m.account.id = :accountId"
                        + " AND m.user.emailNormalized IN :emails", Membership.class)
                .setParameter("accountId", user.getAccountId()).setParameter("emails", emails).getResultList();
        for (Membership member : members) {
            if (member.getRole() == MemberRole.LICENSE_ADMINISTRATOR) {
                member.changeRole(MemberRole.REGULAR_MEMBER, List.of());
                effects.add("license administrator role of " + member.getUser().getEmail() + " removed");
            }
        }
        int invitations = 0;
        for (InstallInvitation invitation : em.createQuery("SELECT i FROM InstallInvitation i WHERE"
                        + " i.licenseKey.subscription.account.id = :accountId AND LOWER(i.email) IN :emails"
                        + " AND i.usedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > :now", InstallInvitation.class)
                .setParameter("accountId", user.getAccountId()).setParameter("emails", emails).setParameter("now", now)
                .getResultList()) {
            invitation.revoke(now);
            invitations++;
        }
        for (MemberInvitation invitation : em.createQuery("SELECT i FROM MemberInvitation i WHERE i.account.id = :accountId"
                        + " AND i.emailNormalized IN :emails AND i.acceptedAt IS NULL AND i.revokedAt IS NULL"
                        + " AND i.expiresAt > :now", MemberInvitation.class)
                .setParameter("accountId", user.getAccountId()).setParameter("emails", emails).setParameter("now", now)
                .getResultList()) {
            invitation.revoke(now);
            invitations++;
        }
        if (invitations > 0) {
            effects.add(invitations + " pending invitations revoked");
        }
        activityLog.record(user.getAccountId(), ActivityActions.SCIM_USER_DEPROVISIONED, ActivityActions.SCIM_USER,
                user.getId(), "SCIM user " + user.getUserName() + " " + reason + ": " + String.join("; ", effects));
        return computers.size();
    }

    /** The user's active computers activated by ID token in the account. */
    private List<Activation> activationsOf(ScimUser user) {
        String base = "SELECT a FROM Activation a WHERE a.accountId = :accountId AND a.status = :active AND ";
        if (user.getExternalId() != null) {
            return em.createQuery(base + "a.ssoSubject = :subject", Activation.class)
                    .setParameter("accountId", user.getAccountId()).setParameter("active", ActivationStatus.ACTIVE)
                    .setParameter("subject", user.getExternalId()).getResultList();
        }
        String key = ScimUser.keyOf(user.getUserName());
        return em.createQuery(base + "a.ssoSubject IS NOT NULL AND (a.ssoEmail = :key OR a.ssoLogin = :key)", Activation.class)
                .setParameter("accountId", user.getAccountId()).setParameter("active", ActivationStatus.ACTIVE)
                .setParameter("key", key).getResultList();
    }

    private static String nameOf(Activation a) {
        return a.getComputerName() == null ? a.getHardwareId() : a.getComputerName();
    }
}
