package com.keyhold.account;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.mail.EmailKind;
import com.keyhold.mail.Mailer;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Members of a business account (SPEC A4, A6–A8): the business profile, the Users list, the
 * membership dialog's role, keys, notes, Block/Unblock and Delete, and Leave This Business Account.
 * Everything but the profile and leaving is for account administrators. Every change locks the
 * account's row first, so the last-administrator rule (A8) holds however many administrators act at
 * once; the member's next request sees the change (A6).
 */
@Stateless
public class MembershipService {

    /** The most members one bulk action takes. */
    public static final int MAX_BULK = 500;

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @EJB
    AccountAccess access;

    @EJB
    Mailer mailer;

    @EJB
    ActivityLog activityLog;

    /** The General tab (A4): company, the caller's membership, the administrators. Every member sees it. */
    public BusinessProfile profile(String userId, String accountId) {
        Membership mine = businessMembership(userId, accountId);
        List<MemberView> administrators = membersOf(mine.getAccount()).stream()
                .filter(m -> m.getRole() == MemberRole.ACCOUNT_ADMINISTRATOR && !m.isBlocked())
                .map(MemberView::new).toList();
        return new BusinessProfile(mine.getAccount(), mine, administrators);
    }

    /** Edits the company box (A4): administrators only, same rules as at registration (A2). */
    public BusinessProfile updateCompany(String userId, String accountId, CompanyDetails company) {
        Membership mine = businessMembership(userId, accountId);
        AccountAccess.requireAdministrator(mine);
        Validation.require(CompanyValidation.check(company));
        Account account = mine.getAccount();
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        String oldName = account.getName();
        account.updateCompany(company);
        activityLog.record(account.getId(), ActivityActions.ACCOUNT_COMPANY_CHANGED, ActivityActions.ACCOUNT, account.getId(),
                oldName.equals(account.getName()) ? "company details of '" + account.getName() + "' changed"
                        : "company '" + oldName + "' renamed to '" + account.getName() + "'");
        return profile(userId, accountId);
    }

    /** The Users tab (A7): search in names and email; optional role and status filters. */
    public List<MemberView> members(String userId, String accountId, String search, MemberRole role, MembershipStatus status) {
        Membership mine = administering(userId, accountId);
        return membersOf(mine.getAccount()).stream()
                .filter(m -> role == null || m.getRole() == role)
                .filter(m -> status == null || m.getStatus() == status)
                .map(MemberView::new)
                .filter(matching(search))
                .toList();
    }

    /**
     * The numbers beside the Users tab's Role and Status filters (A7): what each choice would list with
     * the search and the other filter as they are.
     */
    public MemberCounts counts(String userId, String accountId, String search, MemberRole role, MembershipStatus status) {
        Membership mine = administering(userId, accountId);
        Map<MemberRole, Long> byRole = new EnumMap<>(MemberRole.class);
        Map<MembershipStatus, Long> byStatus = new EnumMap<>(MembershipStatus.class);
        Predicate<MemberView> searched = matching(search);
        for (Membership m : membersOf(mine.getAccount())) {
            if (!searched.test(new MemberView(m))) {
                continue;
            }
            if (status == null || m.getStatus() == status) {
                byRole.merge(m.getRole(), 1L, Long::sum);
            }
            if (role == null || m.getRole() == role) {
                byStatus.merge(m.getStatus(), 1L, Long::sum);
            }
        }
        return new MemberCounts(byRole, byStatus);
    }

    private static Predicate<MemberView> matching(String search) {
        String needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        return v -> needle.isEmpty() || (v.getDisplayName() + " " + v.getEmail()).toLowerCase(Locale.ROOT).contains(needle);
    }

    public MemberView member(String userId, String accountId, String memberUserId) {
        return new MemberView(administeredMember(userId, accountId, memberUserId));
    }

    /**
     * The membership dialog's Save (A6, A7): role (a license administrator with the keys they manage,
     * at least one, all of this account) and notes. Demoting the last administrator is refused (A8).
     */
    public MemberView change(String userId, String accountId, String memberUserId, MemberRole role,
            Collection<String> keyIds, String notes) {
        Membership member = administeredMember(userId, accountId, memberUserId);
        Membership mine = access.actingMembership(userId, accountId);
        if (notes != null && notes.length() > 2000) {
            throw KeyholdException.badRequest("notes", "must be at most 2000 characters long");
        }
        MemberRole newRole = role == null ? member.getRole() : role;
        Set<String> keys = new LinkedHashSet<>(keyIds == null ? member.getKeyIds() : keyIds);
        if (newRole == MemberRole.LICENSE_ADMINISTRATOR) {
            if (keys.isEmpty()) {
                throw KeyholdException.badRequest("keyIds", "a license administrator manages at least one license key");
            }
            requireKeysOf(mine.getAccount(), keys);
        }
        lockAndCheckLastAdministrator(member, newRole == MemberRole.ACCOUNT_ADMINISTRATOR && !member.isBlocked());
        MemberRole oldRole = member.getRole();
        Set<String> oldKeys = new LinkedHashSet<>(member.getKeyIds());
        String oldNotes = member.getNotes();
        member.changeRole(newRole, keys);
        if (notes != null) {
            member.describe(notes.isBlank() ? null : notes.strip());
        }
        String memberAccountId = member.getAccount().getId();
        if (oldRole != member.getRole() || !oldKeys.equals(new LinkedHashSet<>(member.getKeyIds()))) {
            activityLog.record(memberAccountId, ActivityActions.MEMBER_ROLE_CHANGED, ActivityActions.MEMBER,
                    member.getUser().getId(), member.getUser().getEmail() + ": " + oldRole + " -> " + member.getRole()
                            + (member.getRole() == MemberRole.LICENSE_ADMINISTRATOR
                                    ? " of " + member.getKeyIds().size() + (member.getKeyIds().size() == 1 ? " key" : " keys") : ""));
        }
        if (!java.util.Objects.equals(oldNotes, member.getNotes())) {
            activityLog.record(memberAccountId, ActivityActions.MEMBER_NOTES_CHANGED, ActivityActions.MEMBER,
                    member.getUser().getId(), member.getUser().getEmail() + ": notes changed");
        }
        return new MemberView(member);
    }

    /** Role, keys, notes and blocking in one transaction: all of it applies, or none (the admin API's PATCH). */
    public MemberView update(String userId, String accountId, String memberUserId, MemberRole role,
            Collection<String> keyIds, String notes, Boolean blocked) {
        MemberView changed = role != null || keyIds != null || notes != null
                ? change(userId, accountId, memberUserId, role, keyIds, notes)
                : member(userId, accountId, memberUserId);
        if (Boolean.TRUE.equals(blocked)) {
            changed = block(userId, accountId, memberUserId);
        } else if (Boolean.FALSE.equals(blocked)) {
            changed = unblock(userId, accountId, memberUserId);
        }
        return changed;
    }

    /** Block (A7): access revoked everywhere, tokens included; membership kept. The member is told by email. */
    public MemberView block(String userId, String accountId, String memberUserId) {
        Membership member = administeredMember(userId, accountId, memberUserId);
        if (!member.isBlocked()) {
            lockAndCheckLastAdministrator(member, false);
            member.block();
            tell(member, EmailKind.MEMBERSHIP_BLOCKED);
            recordMember(member, ActivityActions.MEMBER_BLOCKED, "blocked");
        }
        return new MemberView(member);
    }

    public MemberView unblock(String userId, String accountId, String memberUserId) {
        Membership member = administeredMember(userId, accountId, memberUserId);
        if (member.isBlocked()) {
            member.unblock();
            tell(member, EmailKind.MEMBERSHIP_UNBLOCKED);
            recordMember(member, ActivityActions.MEMBER_UNBLOCKED, "unblocked");
        }
        return new MemberView(member);
    }

    /** Delete (A7): the membership goes; the user keeps their own account and can be invited again. */
    public void remove(String userId, String accountId, String memberUserId) {
        Membership member = administeredMember(userId, accountId, memberUserId);
        lockAndCheckLastAdministrator(member, false);
        tell(member, EmailKind.MEMBERSHIP_REMOVED);
        recordMember(member, ActivityActions.MEMBER_REMOVED, "removed from the account (was " + member.getRole() + ")");
        em.remove(member);
    }

    /**
     * Block, Unblock or Remove for the members selected in the Users list (A7, A8), in one transaction
     * under the account's row lock. Each member is decided on their own, in the order given, with the
     * same rules and the same email and activity entry as the membership dialog's buttons: the allowed
     * changes apply, and the members the rules protect are left as they are and listed with the reason.
     * An administrator does not block or remove themselves this way (they leave the account instead),
     * and the last active account administrator stays one (A8), however the selection is made.
     *
     * @param memberUserIds the selected members' user ids, 1 to {@value #MAX_BULK}
     */
    public BulkOutcome bulk(String userId, String accountId, MemberAction action, Collection<String> memberUserIds) {
        Membership mine = administering(userId, accountId);
        if (action == null) {
            throw KeyholdException.badRequest("action", "must be one of " + java.util.Arrays.toString(MemberAction.values()));
        }
        if (memberUserIds == null || memberUserIds.isEmpty() || memberUserIds.size() > MAX_BULK) {
            throw KeyholdException.badRequest("userIds", "between 1 and " + MAX_BULK + " members are required");
        }
        Account account = mine.getAccount();
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        Set<String> ids = new LinkedHashSet<>();
        memberUserIds.stream().filter(java.util.Objects::nonNull).forEach(ids::add);
        Map<String, Membership> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user WHERE m.account = :account AND m.user.id IN :ids",
                            Membership.class)
                    .setParameter("account", account).setParameter("ids", ids).getResultList()
                    .forEach(m -> found.put(m.getUser().getId(), m));
        }
        List<String> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<BulkOutcome.Refusal> refused = new ArrayList<>();
        for (String id : ids) {
            Membership member = found.get(id);
            if (member == null) {
                refused.add(new BulkOutcome.Refusal(id, null, null, BulkOutcome.Reason.NOT_A_MEMBER,
                        "is not a member of this account"));
            } else if (action != MemberAction.UNBLOCK && id.equals(userId)) {
                refused.add(refusal(member, BulkOutcome.Reason.YOURSELF, action == MemberAction.REMOVE
                        ? "you cannot remove yourself; use Leave This Business Account"
                        : "you cannot block yourself"));
            } else if (action == MemberAction.BLOCK ? member.isBlocked() : action == MemberAction.UNBLOCK && !member.isBlocked()) {
                unchanged.add(id);
            } else if (action != MemberAction.UNBLOCK && wouldLoseLastAdministrator(member)) {
                refused.add(refusal(member, BulkOutcome.Reason.LAST_ADMINISTRATOR,
                        "the last active account administrator cannot be " + (action == MemberAction.REMOVE ? "removed" : "blocked")));
            } else {
                apply(member, action);
                changed.add(id);
            }
        }
        return new BulkOutcome(action, changed, unchanged, refused);
    }

    private void apply(Membership member, MemberAction action) {
        switch (action) {
            case BLOCK -> {
                member.block();
                tell(member, EmailKind.MEMBERSHIP_BLOCKED);
                recordMember(member, ActivityActions.MEMBER_BLOCKED, "blocked");
            }
            case UNBLOCK -> {
                member.unblock();
                tell(member, EmailKind.MEMBERSHIP_UNBLOCKED);
                recordMember(member, ActivityActions.MEMBER_UNBLOCKED, "unblocked");
            }
            case REMOVE -> {
                tell(member, EmailKind.MEMBERSHIP_REMOVED);
                recordMember(member, ActivityActions.MEMBER_REMOVED, "removed from the account (was " + member.getRole() + ")");
                em.remove(member);
            }
        }
        // the count of active administrators that decides the next member must see this change
        em.flush();
    }

    /** A8 for one member of a bulk action; the account's row is already locked and earlier changes flushed. */
    private boolean wouldLoseLastAdministrator(Membership member) {
        try {
            LastAdministratorRule.check(activeAdministrators(member.getAccount()),
                    member.getRole() == MemberRole.ACCOUNT_ADMINISTRATOR && !member.isBlocked(), false);
            return false;
        } catch (KeyholdException lastOne) {
            return true;
        }
    }

    private static BulkOutcome.Refusal refusal(Membership member, BulkOutcome.Reason reason, String message) {
        return new BulkOutcome.Refusal(member.getUser().getId(), member.getUser().getDisplayName(), member.getUser().getEmail(),
                reason, message);
    }

    /** Leave This Business Account (A8): anyone but the last administrator. */
    public void leave(String userId, String accountId) {
        Membership mine = businessMembership(userId, accountId);
        lockAndCheckLastAdministrator(mine, false);
        recordMember(mine, ActivityActions.MEMBER_LEFT, "left the account (was " + mine.getRole() + ")");
        em.remove(mine);
    }

    private void recordMember(Membership member, String action, String what) {
        activityLog.record(member.getAccount().getId(), action, ActivityActions.MEMBER, member.getUser().getId(),
                member.getUser().getEmail() + " " + what);
    }

    private void tell(Membership member, EmailKind kind) {
        mailer.send(kind, member.getUser().getEmail(), member.getUser().getLanguage(), member.getAccount().getName());
    }

    private void lockAndCheckLastAdministrator(Membership member, boolean staysActiveAdministrator) {
        em.lock(member.getAccount(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(member);
        boolean isActiveAdministrator = member.getRole() == MemberRole.ACCOUNT_ADMINISTRATOR && !member.isBlocked();
        LastAdministratorRule.check(activeAdministrators(member.getAccount()), isActiveAdministrator, staysActiveAdministrator);
    }

    private long activeAdministrators(Account account) {
        return em.createQuery("SELECT COUNT(m) FROM Membership m WHERE m.account = :account"
                        + " AND m.role = com.keyhold.account.MemberRole.ACCOUNT_ADMINISTRATOR"
                        + " AND m.status = com.keyhold.account.MembershipStatus.ACTIVE", Long.class)
                .setParameter("account", account).getSingleResult();
    }

    private void requireKeysOf(Account account, Set<String> keyIds) {
        long found = em.createQuery("SELECT COUNT(k) FROM LicenseKey k WHERE k.id IN :ids AND k.subscription.account = :account",
                        Long.class)
                .setParameter("ids", keyIds).setParameter("account", account).getSingleResult();
        if (found != keyIds.size()) {
            throw KeyholdException.notFound("License key");
        }
    }

    /** A member of the caller's account ("not found" otherwise, whatever the caller's role), for administrators only. */
    private Membership administeredMember(String userId, String accountId, String memberUserId) {
        Membership mine = businessMembership(userId, accountId);
        Membership member = memberOf(mine, memberUserId);
        AccountAccess.requireAdministrator(mine);
        return member;
    }

    private Membership administering(String userId, String accountId) {
        Membership mine = businessMembership(userId, accountId);
        AccountAccess.requireAdministrator(mine);
        return mine;
    }

    /** Membership questions only make sense in a business account; a personal account has its owner alone. */
    private Membership businessMembership(String userId, String accountId) {
        Membership mine = access.actingMembership(userId, accountId);
        if (mine.getAccount().getType() != AccountType.BUSINESS) {
            throw new KeyholdException(ErrorCode.BAD_REQUEST, "A personal account has no other members; choose a business account.");
        }
        return mine;
    }

    private Membership memberOf(Membership mine, String memberUserId) {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user WHERE m.account = :account AND m.user.id = :user",
                        Membership.class)
                .setParameter("account", mine.getAccount()).setParameter("user", memberUserId == null ? "" : memberUserId)
                .getResultStream().findFirst().orElseThrow(() -> KeyholdException.notFound("Member"));
    }

    private List<Membership> membersOf(Account account) {
        return em.createQuery("SELECT m FROM Membership m JOIN FETCH m.user WHERE m.account = :account", Membership.class)
                .setParameter("account", account).getResultStream()
                .sorted(Comparator.comparing((Membership m) -> m.getUser().getLastName().toLowerCase(Locale.ROOT))
                        .thenComparing(m -> m.getUser().getFirstName().toLowerCase(Locale.ROOT))
                        .thenComparing(m -> m.getUser().getId()))
                .toList();
    }
}
