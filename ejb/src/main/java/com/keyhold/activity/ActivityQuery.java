package com.keyhold.activity;

import com.keyhold.account.AccountAccess;
import com.keyhold.common.Callers;
import com.keyhold.common.CsvCells;
import com.keyhold.subscription.OperatorAccess;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the activity log (issue 9): an account's log for its account administrators, every
 * account's for operators, newest first, filtered and paged in the database (the V7 indexes deliver
 * a page in order), and as CSV. Who reads is the caller the container authenticated, never an id
 * from the request.
 */
@Stateless
public class ActivityQuery {

    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final int EXPORT_BATCH = 1000;
    private static final String ORDER = " ORDER BY e.at DESC, e.seq DESC";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Resource
    SessionContext context;

    @EJB
    AccountAccess access;

    @EJB
    OperatorAccess operators;

    /** The log of the account the caller chose ({@code X-Account-Id}, or their default), for its administrators. */
    public ActivityResults forAccount(String chosenAccountId, ActivityFilter filter, int page, int size) {
        String accountId = administeredAccount(chosenAccountId);
        return page(accountId, filter, page, size);
    }

    /** Every account's log, or one account's, for operators. */
    public ActivityResults forOperator(String accountId, ActivityFilter filter, int page, int size) {
        operators.requireOperator();
        return page(accountId == null || accountId.isBlank() ? null : accountId.strip(), filter, page, size);
    }

    /**
     * Refuses an export before it starts streaming (a refusal mid-stream could not answer in the error
     * format); the export itself checks again.
     */
    public void requireExportable(String chosenAccountId) {
        administeredAccount(chosenAccountId);
    }

    /** The account's filtered log as CSV, newest first, in batches, so any size exports in bounded memory. */
    public void exportCsv(String chosenAccountId, ActivityFilter filter, Writer out) {
        String accountId = administeredAccount(chosenAccountId);
        Map<String, Object> parameters = new HashMap<>();
        String where = where(accountId, filter, parameters);
        try {
            out.write(CsvCells.row("Time (UTC)", "Actor ID", "Actor Email", "Account ID", "Action", "Object Type",
                    "Object ID", "Summary", "IP Address"));
            Instant lastAt = null;
            Long lastSeq = null;
            while (true) {
                String after = lastAt == null ? "" : " AND (e.at < :lastAt OR (e.at = :lastAt AND e.seq < :lastSeq))";
                TypedQuery<ActivityEntry> batch = em.createQuery("SELECT e FROM ActivityEntry e" + where + after + ORDER,
                        ActivityEntry.class);
                parameters.forEach(batch::setParameter);
                if (lastAt != null) {
                    batch.setParameter("lastAt", lastAt).setParameter("lastSeq", lastSeq);
                }
                List<ActivityEntry> rows = batch.setMaxResults(EXPORT_BATCH).getResultList();
                for (ActivityEntry e : rows) {
                    out.write(CsvCells.row(e.getAt().toString(), e.getActorId(), e.getActorEmail(), e.getAccountId(),
                            e.getAction(), e.getObjectType(), e.getObjectId(), e.getSummary(), e.getIp()));
                }
                out.flush();
                if (rows.size() < EXPORT_BATCH) {
                    return;
                }
                ActivityEntry last = rows.get(rows.size() - 1);
                lastAt = last.getAt();
                lastSeq = last.getSeq();
                em.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String administeredAccount(String chosenAccountId) {
        String userId = Callers.callerId(context);
        return access.requireAdministrator(userId, chosenAccountId).getAccount().getId();
    }

    private ActivityResults page(String accountId, ActivityFilter filter, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        Map<String, Object> parameters = new HashMap<>();
        String where = where(accountId, filter == null ? ActivityFilter.NONE : filter, parameters);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM ActivityEntry e" + where, Long.class);
        parameters.forEach(count::setParameter);
        TypedQuery<ActivityEntry> rows = em.createQuery("SELECT e FROM ActivityEntry e" + where + ORDER, ActivityEntry.class);
        parameters.forEach(rows::setParameter);
        List<ActivityItem> items = rows.setFirstResult(safePage * safeSize).setMaxResults(safeSize).getResultStream()
                .map(ActivityItem::new).toList();
        return new ActivityResults(items, count.getSingleResult(), safePage, safeSize);
    }

    /** The WHERE clause: only fixed JPQL, every value a parameter. */
    private static String where(String accountId, ActivityFilter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (accountId != null) {
            where.append(" AND e.accountId = :account");
            parameters.put("account", accountId);
        }
        if (filter.actor() != null) {
            where.append(" AND (e.actorId = :actorId OR LOWER(e.actorEmail) LIKE :actorEmail)");
            parameters.put("actorId", filter.actor());
            parameters.put("actorEmail", filter.actorPattern());
        }
        if (filter.action() != null) {
            where.append(" AND e.action = :action");
            parameters.put("action", filter.action());
        }
        if (filter.actionPrefix() != null) {
            where.append(" AND e.action LIKE :actionPrefix");
            parameters.put("actionPrefix", filter.actionPrefix().replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            where.append(" AND e.at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.before() != null) {
            where.append(" AND e.at < :before");
            parameters.put("before", filter.before());
        }
        return where.toString();
    }
}
