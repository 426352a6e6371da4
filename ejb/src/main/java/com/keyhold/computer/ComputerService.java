package com.keyhold.computer;

import com.keyhold.account.AccountAccess;
import com.keyhold.account.Membership;
import com.keyhold.account.Permissions;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.CsvCells;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.licensekey.SeatLedger;
import com.keyhold.subscription.Subscription;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The administrator's side of computers (SPEC C2, C4–C8): the Registered Computers list with its
 * filters, paging and sorting done in the database; deactivate, blacklist, move; CSV export.
 * Actions are all or nothing: one id the caller cannot see and nothing changes. Account
 * administrators see every computer of the account, license administrators those of their keys
 * only (A6); for anyone else the list is refused.
 */
@Stateless
public class ComputerService {

    /** A primary key is called as its subscription is (LicenseKey.getName); the query says the same. */
    private static final String KEY_NAME = "CASE WHEN k.type = com.keyhold.licensekey.KeyType.PRIMARY THEN s.name ELSE k.name END";
    /** Sortable columns: the list's names mapped to JPQL, never user text in the query. */
    private static final Map<String, String> SORTS = Map.ofEntries(
            // activation columns follow an (account_id, column, id) index each (V17); long ones by a prefix
            Map.entry("name", "a.displayName"),
            Map.entry("keyName", KEY_NAME),
            Map.entry("status", "a.status"),
            Map.entry("lastContact", "a.lastContactAt"),
            Map.entry("appVersion", "a.appVersion"),
            Map.entry("hardwareId", "a.hardwareId"),
            Map.entry("serialNumber", "a.serialNumber"),
            Map.entry("hostOs", "a.hostOs"),
            Map.entry("userName", "a.userName"),
            // multi-valued cells sort by their first value: the stored list starts with it
            Map.entry("macAddresses", "a.macSort"),
            Map.entry("ipAddresses", "a.ipSort"),
            Map.entry("activatedBy", "a.activatedBy"),
            Map.entry("notes", "a.notesSort"),
            Map.entry("configurationProfile", "COALESCE(pr.name, '')"),
            Map.entry("activatedAt", "a.activatedAt"),
            Map.entry("expiresOn", "COALESCE(k.customExpiresOn, s.endsOn)"));
    private static final String BLACKLISTED =
            "EXISTS (SELECT b FROM BlacklistEntry b WHERE b.keyId = a.licenseKey.id AND b.hardwareId = a.hardwareId)";
    private static final int EXPORT_BATCH = 1000;
    private static final int MAX_LISTED_IDS = 5_000;

    /** A bulk action of the list (CONTRACT section 6). */
    public enum Action {
        DEACTIVATE, BLACKLIST, UNBLACKLIST, MOVE
    }

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    SeatLedger seatLedger;

    @EJB
    ActivityLog activityLog;

    /**
     * The computers a caller may see: an account, and the keys of a license administrator
     * ({@code keyIds} null for an account administrator, who sees every key).
     */
    record Scope(String account, Set<String> keyIds, boolean allowed) {

        /** Refuses (FORBIDDEN) a member who manages no computers; asked after "does it exist here?" (A6). */
        Scope requireAllowed() {
            if (!allowed) {
                throw new KeyholdException(ErrorCode.FORBIDDEN,
                        "Only account administrators and license administrators may manage computers.");
            }
            return this;
        }

        String keyCondition(String keyIdPath, Map<String, Object> parameters) {
            if (keyIds == null) {
                return "";
            }
            parameters.put("scopeKeys", keyIds);
            return " AND " + keyIdPath + " IN :scopeKeys";
        }

        boolean includesKey(String keyId) {
            return keyIds == null || keyIds.contains(keyId);
        }
    }

    /** The page of the list with the exact total of the filtered list. */
    public ComputerPage list(String userId, String accountId, ComputerQuery query) {
        return list(userId, accountId, query, Long.MAX_VALUE);
    }

    /**
     * The page of the list, its total counted only up to {@code countUpTo} (the page counts to
     * 10,000: counting a million computers exactly takes over a second, reading one page a few
     * milliseconds; bench/README.md).
     *
     * <p>The page is read in two steps. First the ids of the page, from activations alone whenever
     * the filters and the sort name nothing of the key or subscription: the account indexes (V6)
     * deliver them in last-contact order and the read stops after one page (a join lets the
     * optimizer start from the subscription and sort every computer of the account). Then those
     * rows with their keys, by primary key.
     */
    public ComputerPage list(String userId, String accountId, ComputerQuery query, long countUpTo) {
        Scope scope = scopeOf(userId, accountId).requireAllowed();
        Map<String, Object> parameters = new HashMap<>();
        String from = " FROM Activation a" + (needsKeyAndSubscription(query) ? " JOIN a.licenseKey k JOIN a.subscription s" : "")
                + ("configurationProfile".equals(query.sort()) ? " LEFT JOIN k.profile pr" : "");
        String where = where(scope, query, parameters);

        TypedQuery<String> pageIds = em.createQuery("SELECT a.id" + from + where + orderBy(query), String.class);
        parameters.forEach(pageIds::setParameter);
        List<String> ids = pageIds.setFirstResult(query.page() * query.size()).setMaxResults(query.size()).getResultList();
        Map<String, Activation> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT a FROM Activation a JOIN FETCH a.licenseKey WHERE a.id IN :ids", Activation.class)
                    .setParameter("ids", ids).getResultList().forEach(a -> byId.put(a.getId(), a));
        }
        List<Activation> found = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();

        long total;
        boolean exact;
        if (countUpTo == Long.MAX_VALUE) {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a)" + from + where, Long.class);
            parameters.forEach(count::setParameter);
            total = count.getSingleResult();
            exact = true;
        } else {
            // Up to the limit and one more: an index-only read of at most that many entries.
            TypedQuery<String> upTo = em.createQuery("SELECT a.id" + from + where, String.class);
            parameters.forEach(upTo::setParameter);
            int counted = upTo.setMaxResults((int) Math.min(Integer.MAX_VALUE, countUpTo + 1)).getResultList().size();
            exact = counted <= countUpTo;
            total = exact ? counted : countUpTo;
        }
        return new ComputerPage(rowsOf(found), total, exact, query.page(), query.size());
    }

    public ComputerRow get(String userId, String accountId, String computerId) {
        return rowsOf(List.of(owned(scopeOf(userId, accountId), computerId))).get(0);
    }

    /** Edits the administrator's alias and notes of a computer (C2). */
    public ComputerRow describe(String userId, String accountId, String computerId, String alias, String notes) {
        Activation activation = owned(scopeOf(userId, accountId), computerId);
        if (alias != null && alias.length() > 200 || notes != null && notes.length() > 2000) {
            throw KeyholdException.badRequest(alias != null && alias.length() > 200 ? "alias" : "notes", "is too long");
        }
        String oldAlias = activation.getAlias();
        String oldNotes = activation.getNotes();
        activation.describe(alias, notes);
        boolean aliasChanged = !java.util.Objects.equals(oldAlias, activation.getAlias());
        boolean notesChanged = !java.util.Objects.equals(oldNotes, activation.getNotes());
        if (aliasChanged || notesChanged) {
            activityLog.record(activation.getSubscription().getAccount().getId(), ActivityActions.COMPUTER_EDITED, ActivityActions.COMPUTER,
                    activation.getId(), "computer '" + activation.getComputerName() + "': "
                            + (aliasChanged ? "alias '" + (activation.getAlias() == null ? "" : activation.getAlias()) + "'" : "")
                            + (aliasChanged && notesChanged ? ", " : "") + (notesChanged ? "notes changed" : ""));
        }
        return rowsOf(List.of(activation)).get(0);
    }

    /**
     * Applies an action to the computers with these ids (C4, C5, C8).
     *
     * @return how many computers changed
     */
    public int apply(String userId, String accountId, Action action, List<String> ids, String targetKeyId) {
        Scope scope = scopeOf(userId, accountId);
        String account = scope.account();
        if (!scope.allowed()) {
            requireAllInAccount(account, ids);
            scope.requireAllowed();
        }
        if (ids == null || ids.isEmpty() || ids.size() > MAX_PER_ACTION) {
            throw KeyholdException.badRequest("ids", "between 1 and " + MAX_PER_ACTION + " computer ids are required");
        }
        Set<String> wanted = new LinkedHashSet<>(ids);
        LicenseKey target = action == Action.MOVE ? targetKey(scope, targetKeyId) : null;
        Map<String, Object> scoped = new HashMap<>();
        String inScope = scope.keyCondition("a.licenseKey.id", scoped);
        // Lock every subscription involved, in a fixed order, before reading seats (no deadlocks, no overselling).
        TypedQuery<String> involved = em.createQuery("SELECT DISTINCT a.subscription.id FROM Activation a"
                + " WHERE a.id IN :ids AND a.subscription.account.id = :account" + inScope, String.class);
        scoped.forEach(involved::setParameter);
        Set<String> subscriptionIds = new TreeSet<>(involved.setParameter("ids", wanted).setParameter("account", account)
                .getResultList());
        if (target != null) {
            subscriptionIds.add(target.getSubscription().getId());
        }
        subscriptionIds.forEach(id -> em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE));
        TypedQuery<Activation> selected = em.createQuery("SELECT a FROM Activation a JOIN FETCH a.licenseKey"
                + " WHERE a.id IN :ids AND a.subscription.account.id = :account" + inScope, Activation.class);
        scoped.forEach(selected::setParameter);
        List<Activation> computers = selected.setParameter("ids", wanted).setParameter("account", account).getResultList();
        if (computers.size() != wanted.size()) {
            throw KeyholdException.notFound("Computer");
        }
        computers.forEach(em::refresh);
        Instant now = clock.instant();
        int changed = switch (action) {
            case DEACTIVATE -> (int) computers.stream().filter(a -> a.getStatus() == ActivationStatus.ACTIVE)
                    .peek(a -> a.deactivate(now)).count();
            case BLACKLIST -> blacklist(computers, now);
            case UNBLACKLIST -> unblacklist(computers);
            case MOVE -> move(computers, target, now);
        };
        if (changed > 0) {
            recordAction(account, action, computers, target, changed);
        }
        return changed;
    }

    /** The most computers one action changes: the same bound whether they are chosen by id or by the filter. */
    public static final int MAX_PER_ACTION = 10_000;

    /**
     * "Select all" (CONTRACT section 6, the filter form): applies the action to every computer the
     * filter matches now, provided that is the number the administrator saw ({@code expected}); else
     * nothing changes and CONFIRMATION_REQUIRED says how many it would change now ({@code wouldChange}).
     */
    public int applyToFilter(String userId, String accountId, Action action, ComputerQuery filter, long expected,
            String targetKeyId) {
        Scope scope = scopeOf(userId, accountId).requireAllowed();
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<String> matching = em.createQuery("SELECT a.id FROM Activation a JOIN a.licenseKey k JOIN a.subscription s"
                + where(scope, filter, parameters) + " ORDER BY a.id", String.class);
        parameters.forEach(matching::setParameter);
        List<String> ids = matching.setMaxResults(MAX_PER_ACTION + 1).getResultList();
        if (ids.size() > MAX_PER_ACTION) {
            throw KeyholdException.badRequest("filter", "matches more than " + MAX_PER_ACTION
                    + " computers; narrow it (by status, display, profile or search) and repeat the action");
        }
        if (ids.size() != expected) {
            throw KeyholdException.withDetails(ErrorCode.CONFIRMATION_REQUIRED, "The filter now matches " + ids.size()
                    + " computers, not " + expected + "; confirm with that number.", Map.of("wouldChange", ids.size()));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return apply(userId, accountId, action, ids, targetKeyId);
    }

    /** One entry per action however many computers it changed: one id names the computer, many are counted. */
    private void recordAction(String account, Action action, List<Activation> computers, LicenseKey target, int changed) {
        String what = switch (action) {
            case DEACTIVATE -> ActivityActions.COMPUTER_DEACTIVATED;
            case BLACKLIST -> ActivityActions.COMPUTER_BLACKLISTED;
            case UNBLACKLIST -> ActivityActions.COMPUTER_UNBLACKLISTED;
            case MOVE -> ActivityActions.COMPUTER_MOVED;
        };
        String verb = switch (action) {
            case DEACTIVATE -> "deactivated";
            case BLACKLIST -> "blacklisted";
            case UNBLACKLIST -> "removed from the blacklist";
            case MOVE -> "moved to key '" + target.getName() + "'";
        };
        boolean one = computers.size() == 1;
        String summary = (one ? "computer '" + computers.get(0).getDisplayName() + "' " + verb
                : changed + (changed == 1 ? " computer " : " computers ") + verb + " (" + computers.size() + " selected)");
        activityLog.record(account, what, ActivityActions.COMPUTER, one ? computers.get(0).getId() : null, summary);
    }

    /**
     * Refuses an export before it starts streaming (a refusal mid-stream could not answer in the error
     * format): the caller must manage computers, and every chosen id must be one they can see.
     */
    public void requireExportable(String userId, String accountId, List<String> onlyIds) {
        Scope scope = scopeOf(userId, accountId).requireAllowed();
        if (onlyIds != null && !onlyIds.isEmpty()) {
            requireAllVisible(scope, onlyIds);
        }
    }

    /** Writes the filtered list (or the given ids) as CSV, in batches, so any size exports in bounded memory (C7). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void exportCsv(String userId, String accountId, ComputerQuery query, List<String> onlyIds, Writer out) {
        Scope scope = scopeOf(userId, accountId).requireAllowed();
        Map<String, Object> parameters = new HashMap<>();
        String where = where(scope, query, parameters);
        if (onlyIds != null && !onlyIds.isEmpty()) {
            requireAllVisible(scope, onlyIds);
            where += " AND a.id IN :onlyIds";
            parameters.put("onlyIds", onlyIds);
        }
        // Each batch is two reads in autocommit, so a million rows hold no transaction open for minutes
        // (issue 13, target 5): the next thousand ids after the last one sent, in id order along the
        // account's (account_id, id) index (V15); then those rows' plain values (no entities to build,
        // track and clear), their keys, subscriptions and profiles joined by primary key.
        String from = " FROM Activation a" + (needsKeyAndSubscription(query) ? " JOIN a.licenseKey k JOIN a.subscription s" : "");
        String nextIds = "SELECT a.id" + from + where + " AND a.id > :lastId ORDER BY a.id";
        String select = "SELECT a.id, a.alias, a.computerName, k.keyValue, " + KEY_NAME + ", a.status, a.lastContactAt,"
                + " a.appVersion, a.hardwareId, a.serialNumber, a.macAddresses, a.ipAddresses, a.hostOs, a.userName,"
                + " a.activatedAt, a.activatedBy, pr.name, a.notes, k.id"
                + " FROM Activation a JOIN a.licenseKey k JOIN a.subscription s LEFT JOIN k.profile pr"
                + " WHERE a.id IN :ids ORDER BY a.id";
        Map<String, String> maskedKeys = new HashMap<>();
        try {
            out.write(CsvCells.row("Name", "Computer Name", "License Key", "Key", "Status", "Last Contact", "App Version",
                    "Hardware ID", "Serial Number", "MAC Addresses", "IP Addresses", "Host OS", "User Name",
                    "Activated On", "Activated By", "Configuration Profile", "Notes"));
            String lastId = "";
            boolean wholeAccount = (onlyIds == null || onlyIds.isEmpty()) && scope.keyIds() == null && query.unfiltered();
            while (true) {
                List<String> ids;
                if (wholeAccount) {
                    ids = nextIdsOfAccount(scope.account(), lastId);
                } else {
                    TypedQuery<String> idsQuery = em.createQuery(nextIds, String.class);
                    parameters.forEach(idsQuery::setParameter);
                    ids = idsQuery.setParameter("lastId", lastId).setMaxResults(EXPORT_BATCH).getResultList();
                }
                if (ids.isEmpty()) {
                    return;
                }
                List<Object[]> rows = em.createQuery(select, Object[].class).setParameter("ids", ids).getResultList();
                Set<String> blacklisted = blacklistedPairs(rows.stream().map(r -> (String) r[8]).distinct().toList());
                StringBuilder lines = new StringBuilder(rows.size() * 256);
                for (Object[] r : rows) {
                    String keyId = (String) r[18];
                    ComputerStatus status = blacklisted.contains(keyId + "\n" + r[8]) ? ComputerStatus.BLACKLISTED
                            : r[5] == ActivationStatus.ACTIVE ? ComputerStatus.ACTIVE : ComputerStatus.DEACTIVATED;
                    lines.append(CsvCells.row(r[1] != null ? (String) r[1] : (String) r[2], (String) r[2],
                            maskedKeys.computeIfAbsent(keyId, id -> LicenseKeyFormat.mask((String) r[3])), (String) r[4],
                            status.name(), text((Instant) r[6]), (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                            (String) r[11], (String) r[12], (String) r[13], text((Instant) r[14]), (String) r[15],
                            r[16] == null ? "Default" : (String) r[16], (String) r[17]));
                }
                out.write(lines.toString());
                out.flush();
                if (ids.size() < EXPORT_BATCH) {
                    return;
                }
                lastId = ids.get(ids.size() - 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next batch of an account's ids after {@code lastId}, for exporting a whole account. MariaDB
     * reads {@code account_id = ? AND id > ?} by "ref" on the account alone and skips every id up to
     * {@code lastId} again in every batch (at a million rows, 150 ms a batch in the middle of the
     * account: most of the export's time); the index hint makes it a range read that starts at
     * {@code lastId} (1 ms). MySQL and MariaDB both understand it.
     */
    @SuppressWarnings("unchecked")
    private List<String> nextIdsOfAccount(String accountId, String lastId) {
        return em.createNativeQuery("SELECT id FROM activations FORCE INDEX (ix_activations_account_id)"
                + " WHERE account_id = ? AND id > ? ORDER BY id LIMIT " + EXPORT_BATCH)
                .setParameter(1, accountId).setParameter(2, lastId).getResultList();
    }

    /** The (key, hardware id) pairs on a blacklist among these hardware ids, as "keyId\nhardwareId". */
    private Set<String> blacklistedPairs(List<String> hardwareIds) {
        Set<String> listed = new HashSet<>();
        em.createQuery("SELECT b.keyId, b.hardwareId FROM BlacklistEntry b WHERE b.hardwareId IN :hardware", Object[].class)
                .setParameter("hardware", hardwareIds).getResultList()
                .forEach(row -> listed.add(row[0] + "\n" + row[1]));
        return listed;
    }

    private int blacklist(List<Activation> computers, Instant now) {
        for (Activation a : computers) {
            if (!isBlacklisted(a)) {
                em.persist(new BlacklistEntry(a.getLicenseKey().getId(), a.getHardwareId(), now));
            }
            a.deactivate(now);
        }
        return computers.size();
    }

    /** Removing from the blacklist leaves the computer deactivated until its client activates again (C5). */
    private int unblacklist(List<Activation> computers) {
        int changed = 0;
        for (Activation a : computers) {
            changed += em.createQuery("DELETE FROM BlacklistEntry b WHERE b.keyId = :key AND b.hardwareId = :hardware")
                    .setParameter("key", a.getLicenseKey().getId()).setParameter("hardware", a.getHardwareId())
                    .executeUpdate();
        }
        return changed;
    }

    /** C8: all move if the target has seats for all of them, counted net, else none. */
    private int move(List<Activation> computers, LicenseKey target, Instant now) {
        String subscriptionId = target.getSubscription().getId();
        Map<String, Integer> activeBySource = new HashMap<>();
        int deactivated = 0;
        List<Activation> moving = new ArrayList<>();
        for (Activation a : computers) {
            if (!a.getSubscription().getId().equals(subscriptionId)) {
                throw KeyholdException.badRequest("targetKeyId", "computers move only between keys of their own subscription");
            }
            if (em.find(BlacklistEntry.class, new BlacklistEntry.Pair(target.getId(), a.getHardwareId())) != null) {
                throw new KeyholdException(ErrorCode.COMPUTER_BLACKLISTED,
                        "A selected computer is blacklisted for the target key.");
            }
            boolean alreadyThere = a.getStatus() == ActivationStatus.ACTIVE && a.getLicenseKey().getId().equals(target.getId());
            if (alreadyThere) {
                continue;
            }
            if (a.getStatus() == ActivationStatus.ACTIVE) {
                activeBySource.merge(a.getLicenseKey().getId(), 1, Integer::sum);
            } else {
                deactivated++;
            }
            moving.add(a);
        }
        if (LocalDate.now(clock).isAfter(target.expiresOn())) {
            throw new KeyholdException(ErrorCode.KEY_EXPIRED, "The target key has expired.");
        }
        seatLedger.poolOf(target.getSubscription()).requireMove(activeBySource, deactivated, target.getId());
        moving.forEach(a -> a.moveTo(target, now));
        return moving.size();
    }

    private LicenseKey targetKey(Scope scope, String targetKeyId) {
        LicenseKey target = targetKeyId == null ? null : em.find(LicenseKey.class, targetKeyId);
        if (target == null || target.getSubscription().getAccount() == null
                || !target.getSubscription().getAccount().getId().equals(scope.account()) || !scope.includesKey(target.getId())) {
            throw KeyholdException.notFound("License key");
        }
        return target;
    }

    /** The computer, if the caller may see it: "not found" outside the account or a license administrator's keys. */
    private Activation owned(Scope scope, String computerId) {
        Activation activation = computerId == null ? null : em.find(Activation.class, computerId);
        if (activation == null || activation.getSubscription().getAccount() == null
                || !activation.getSubscription().getAccount().getId().equals(scope.account())) {
            throw KeyholdException.notFound("Computer");
        }
        scope.requireAllowed();
        if (!scope.includesKey(activation.getLicenseKey().getId())) {
            throw KeyholdException.notFound("Computer");
        }
        return activation;
    }

    /** Exporting chosen computers: one the caller cannot see answers "not found", as the actions do, not an empty row. */
    private void requireAllVisible(Scope scope, List<String> ids) {
        if (ids.size() > 10_000) {
            throw KeyholdException.badRequest("ids", "at most 10000 computer ids");
        }
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Object> scoped = new HashMap<>();
        TypedQuery<Long> visible = em.createQuery("SELECT COUNT(a) FROM Activation a WHERE a.id IN :ids"
                + " AND a.subscription.account.id = :account" + scope.keyCondition("a.licenseKey.id", scoped), Long.class);
        scoped.forEach(visible::setParameter);
        if (visible.setParameter("ids", wanted).setParameter("account", scope.account()).getSingleResult() != wanted.size()) {
            throw KeyholdException.notFound("Computer");
        }
    }

    /** For a member who may not act: another account's id still answers "not found", as if it did not exist. */
    private void requireAllInAccount(String account, List<String> ids) {
        if (ids == null || ids.isEmpty() || ids.size() > 10_000) {
            return;
        }
        requireAllVisible(new Scope(account, null, true), ids);
    }

    /** The computers the caller may see (A6); a member who manages none is refused when they try. */
    private Scope scopeOf(String userId, String accountId) {
        Membership membership = access.actingMembership(userId, accountId);
        Permissions permissions = Permissions.of(membership);
        return new Scope(membership.getAccount().getId(), permissions.keyScope(), permissions.managesComputers());
    }

    private String where(Scope scope, ComputerQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE a.accountId = :account");
        parameters.put("account", scope.account());
        where.append(scope.keyCondition("a.licenseKey.id", parameters));
        switch (query.status()) {
            // An active computer is never blacklisted for its key: blacklisting deactivates it, and neither an
            // activation (C5) nor a move (C8) puts a computer back on a key that blacklists it.
            case ACTIVE -> where.append(" AND a.status = com.keyhold.computer.ActivationStatus.ACTIVE");
            case DEACTIVATED -> {
                where.append(" AND a.status = com.keyhold.computer.ActivationStatus.DEACTIVATED");
                List<String> listed = blacklistedIds(scope.account());
                if (listed == null) {
                    where.append(" AND NOT ").append(BLACKLISTED);
                } else if (!listed.isEmpty()) {
                    where.append(" AND a.id NOT IN :blacklisted");
                    parameters.put("blacklisted", listed);
                }
            }
            case BLACKLISTED -> {
                List<String> listed = blacklistedIds(scope.account());
                if (listed == null) {
                    where.append(" AND ").append(BLACKLISTED);
                } else if (listed.isEmpty()) {
                    where.append(" AND a.id IS NULL"); // nothing is blacklisted here
                } else {
                    where.append(" AND a.id IN :blacklisted");
                    parameters.put("blacklisted", listed);
                }
            }
            default -> { }
        }
        LocalDate today = LocalDate.now(clock);
        switch (query.display()) {
            case EXPIRED -> {
                where.append(" AND COALESCE(k.customExpiresOn, s.endsOn) < :today");
                parameters.put("today", today);
            }
            case EXPIRING_SOON -> {
                where.append(" AND COALESCE(k.customExpiresOn, s.endsOn) >= :today AND COALESCE(k.customExpiresOn, s.endsOn) < :soon");
                parameters.put("today", today);
                parameters.put("soon", today.plusDays(com.keyhold.subscription.ExpiringSoon.days()));
            }
            default -> { }
        }
        if (ComputerQuery.DEFAULT_PROFILE.equals(query.profileId())) {
            where.append(" AND a.licenseKey.profile IS NULL");
        } else if (query.profileId() != null) {
            where.append(" AND a.licenseKey.profile.id = :profileId");
            parameters.put("profileId", query.profileId());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" AND (LOWER(a.computerName) LIKE :q OR LOWER(a.alias) LIKE :q OR LOWER(a.hardwareId) LIKE :q"
                    + " OR LOWER(a.serialNumber) LIKE :q OR LOWER(a.userName) LIKE :q OR LOWER(a.macAddresses) LIKE :q"
                    + " OR LOWER(a.ipAddresses) LIKE :q OR LOWER(" + KEY_NAME + ") LIKE :q)");
            parameters.put("q", "%" + query.search().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    /**
     * The ids of the account's blacklisted computers, or {@code null} if there are more than
     * {@value #MAX_LISTED_IDS}. Blacklists are short, so the Deactivated and Blacklisted filters name
     * these ids instead of probing the blacklist for every computer they pass on the way to a page:
     * at a million computers a probe per row (each reading the row's key and hardware id) cost 0.6 s
     * for the Deactivated page (issue 13). Read from the blacklist's side: each entry finds its
     * computer by the (subscription, hardware id) key.
     */
    private List<String> blacklistedIds(String accountId) {
        List<String> ids = em.createQuery("SELECT a.id FROM BlacklistEntry b, LicenseKey k, Activation a"
                        + " WHERE k.id = b.keyId AND k.subscription.account.id = :account AND a.subscription = k.subscription"
                        + " AND a.hardwareId = b.hardwareId AND a.licenseKey = k", String.class)
                .setParameter("account", accountId).setMaxResults(MAX_LISTED_IDS + 1).getResultList();
        return ids.size() > MAX_LISTED_IDS ? null : ids;
    }

    /** Whether the filters or the sort name the key or the subscription (Display by expiry, key name, expiry). */
    private static boolean needsKeyAndSubscription(ComputerQuery query) {
        return query.display() != ComputerQuery.DisplayFilter.ALL || query.search() != null && !query.search().isBlank()
                || "keyName".equals(query.sort()) || "expiresOn".equals(query.sort()) || "configurationProfile".equals(query.sort());
    }

    /**
     * The sort, with the id as tie-breaker in the same direction: by last contact (the default) the
     * first page is then read backwards along an account index (V6) and stops after one page, where
     * mixed directions would sort every computer of the account first.
     */
    private static String orderBy(ComputerQuery query) {
        String column = SORTS.getOrDefault(query.sort() == null ? "lastContact" : query.sort(), "a.lastContactAt");
        String direction = query.sort() == null ? " DESC" : query.ascending() ? " ASC" : " DESC";
        if ("status".equals(query.sort())) {
            // within a status, by last contact: the order of the (account_id, status, last_contact_at, id) index
            return " ORDER BY a.status" + direction + ", a.lastContactAt" + direction + ", a.id" + direction;
        }
        return " ORDER BY " + column + direction + ", a.id" + direction;
    }

    private List<ComputerRow> rowsOf(List<Activation> activations) {
        if (activations.isEmpty()) {
            return List.of();
        }
        Set<String> listed = new HashSet<>();
        em.createQuery("SELECT b.keyId, b.hardwareId FROM BlacklistEntry b WHERE b.hardwareId IN :hardware", Object[].class)
                .setParameter("hardware", activations.stream().map(Activation::getHardwareId).distinct().toList())
                .getResultList()
                .forEach(row -> listed.add(row[0] + "\n" + row[1]));
        return activations.stream().map(a -> new ComputerRow(a,
                listed.contains(a.getLicenseKey().getId() + "\n" + a.getHardwareId()) ? ComputerStatus.BLACKLISTED
                        : a.getStatus() == ActivationStatus.ACTIVE ? ComputerStatus.ACTIVE : ComputerStatus.DEACTIVATED))
                .toList();
    }

    private boolean isBlacklisted(Activation a) {
        return em.find(BlacklistEntry.class, new BlacklistEntry.Pair(a.getLicenseKey().getId(), a.getHardwareId())) != null;
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
