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
