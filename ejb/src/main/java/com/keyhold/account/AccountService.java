package com.keyhold.account;

import com.keyhold.common.Callers;
import com.keyhold.subscription.OperatorAccess;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Accounts as their members and the vendor's operators see them (SPEC A3, O1). */
@Stateless
public class AccountService {

    @EJB
    com.keyhold.activity.ActivityLog activity;

    public static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    OperatorAccess operators;

    /** The accounts a user belongs to and is not blocked in, personal first, each with the user's role there (A3, A7). */
    public List<AccountSummary> accountsOf(String userId) {
        Callers.requireCaller(context, userId);
        return em.createNamedQuery("Membership.ofUser", Membership.class)
                .setParameter("userId", userId)
                .getResultStream()
                .filter(m -> !m.isBlocked())
                .map(m -> new AccountSummary(m.getAccount().getId(), m.getAccount().getType(),
                        m.getAccount().getName(), m.getRole(), 0, m.getAccount().getCreatedAt()))
                .toList();
    }

    /** Every account, newest first, for operators (O1: operators see every account). */
    /**
     * SPEC S3: the operator allows or stops offline activation and refresh by request files for one
     * account (deactivation files are always accepted, S7). Recorded in the account's activity log.
     */
    public boolean setOfflineOperations(String accountId, boolean enabled) {
        operators.requireOperator();
        Account account = accountId == null || accountId.length() > 36 ? null : em.find(Account.class, accountId);
        if (account == null) {
            throw com.keyhold.common.KeyholdException.notFound("Account");
        }
        if (account.isOfflineOperations() != enabled) {
            account.setOfflineOperations(enabled);
            activity.record(account.getId(), com.keyhold.activity.ActivityActions.ACCOUNT_OFFLINE_OPERATIONS_CHANGED,
                    com.keyhold.activity.ActivityActions.ACCOUNT, account.getId(),
                    "Offline operations " + (enabled ? "enabled" : "disabled") + " by the vendor");
        }
        return account.isOfflineOperations();
    }

    public AccountPage allAccounts(int page, int size) {
        operators.requireOperator();
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        long total = em.createQuery("SELECT COUNT(a) FROM Account a", Long.class).getSingleResult();
        List<Account> accounts = em.createQuery("SELECT a FROM Account a ORDER BY a.createdAt DESC, a.id", Account.class)
                .setFirstResult(safePage * safeSize)
                .setMaxResults(safeSize)
                .getResultList();
        Map<String, Long> memberCounts = new HashMap<>();
        if (!accounts.isEmpty()) {
            em.createNamedQuery("Membership.countByAccount", Object[].class)
                    .setParameter("accountIds", accounts.stream().map(Account::getId).toList())
                    .getResultList()
                    .forEach(row -> memberCounts.put((String) row[0], ((Number) row[1]).longValue()));
        }
        List<AccountSummary> items = accounts.stream()
                .map(a -> new AccountSummary(a.getId(), a.getType(), a.getName(), null,
                        memberCounts.getOrDefault(a.getId(), 0L), a.getCreatedAt()))
                .toList();
        return new AccountPage(items, total, safePage, safeSize);
    }
}
