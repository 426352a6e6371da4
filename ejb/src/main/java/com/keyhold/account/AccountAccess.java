package com.keyhold.account;

import com.keyhold.common.Callers;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The tenancy boundary (SPEC A3, A6, A7): which account a caller acts in and with what role. An
 * account the caller does not belong to answers exactly like one that does not exist; a blocked
 * member is refused. The membership is read on every call, so a role change applies at the
 * member's next request.
 */
@Stateless
public class AccountAccess {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Resource
    SessionContext context;

    /**
     * The membership the caller acts with: in the account they chose ({@code X-Account-Id}), else
     * their only business account they are not blocked in (as the account selector lists them), else
     * their personal account. Choosing an account one is blocked in is refused (A7). The user must
     * be the caller the container authenticated: the account is resolved from the caller, never
     * from the request alone.
     */
    public Membership actingMembership(String userId, String chosenAccountId) {
        Callers.requireCaller(context, userId);
        List<Membership> memberships = em.createNamedQuery("Membership.ofUser", Membership.class)
                .setParameter("userId", userId)
                .getResultList();
        if (chosenAccountId != null && !chosenAccountId.isBlank()) {
            return requireActive(memberships.stream().filter(m -> m.getAccount().getId().equals(chosenAccountId.strip()))
                    .findFirst().orElseThrow(() -> KeyholdException.notFound("Account")));
        }
        List<Membership> business = memberships.stream()
                .filter(m -> m.getAccount().getType() == AccountType.BUSINESS && !m.isBlocked()).toList();
        if (business.size() > 1) {
            throw KeyholdException.badRequest("X-Account-Id", "choose one of your accounts (GET /api/v1/admin/accounts)");
        }
        if (business.size() == 1) {
            return business.get(0);
        }
        return memberships.stream().filter(m -> m.getAccount().getType() == AccountType.PERSONAL)
                .findFirst().orElseThrow(() -> KeyholdException.notFound("Account"));
    }

    /** Account administrators manage everything in their account (A6); others are refused. */
    public Membership requireAdministrator(String userId, String chosenAccountId) {
        Membership membership = actingMembership(userId, chosenAccountId);
        requireAdministrator(membership);
        return membership;
    }

    /** An administrator of a business account (corporate activation, SCIM: A6, O2, O3); {@code why} tells others. */
    public Account requireBusinessAdministrator(String userId, String chosenAccountId, String why) {
        Membership membership = requireAdministrator(userId, chosenAccountId);
        if (membership.getAccount().getType() != AccountType.BUSINESS) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, why);
        }
        return membership.getAccount();
    }

    public static void requireAdministrator(Membership membership) {
        if (!Permissions.of(membership).managesAccount()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Only account administrators may do this.");
        }
    }

    /** Computers: account administrators, and license administrators for their keys (A6). */
    public static Permissions requireComputerManager(Membership membership) {
        Permissions permissions = Permissions.of(membership);
        if (!permissions.managesComputers()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN,
                    "Only account administrators and license administrators may manage computers.");
        }
        return permissions;
    }

    private static Membership requireActive(Membership membership) {
        if (membership.isBlocked()) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Your access to this business account has been blocked.");
        }
        return membership;
    }
}
