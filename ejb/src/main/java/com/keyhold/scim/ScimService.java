package com.keyhold.scim;

import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.sso.IdentityProvider;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SCIM 2.0 provisioning of one account (SPEC O3, CONTRACT section 8, RFC 7643/7644): users and
 * groups, for the account of the SCIM token the request was authenticated with (the principal
 * {@code scim:<token id>}), never an account the request names. Another account's users and groups
 * answer "not found". Deprovisioning a user ({@code active} false, or DELETE) and removing a user from
 * the account's required group revoke that user's activations at once ({@link Deprovisioning}), in the
 * request's own short transaction.
 */
@Stateless
public class ScimService {

    public static final String PRINCIPAL_PREFIX = "scim:";

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    @EJB
    ActivityLog activityLog;

    @EJB
    Deprovisioning deprovisioning;

    // ---- users

    public ScimPage<ScimUserView> users(String filter, int startIndex, int count) {
        String accountId = callerAccount();
        List<ScimFilter.Condition> conditions = ScimFilter.users(filter);
        StringBuilder where = new StringBuilder("u.accountId = :accountId");
        Map<String, Object> parameters = new HashMap<>(Map.of("accountId", accountId));
        for (int i = 0; i < conditions.size(); i++) {
            ScimFilter.Condition c = conditions.get(i);
            String name = "v" + i;
            switch (c.attribute()) {
                case "userName" -> where.append(" AND u.userNameKey = :").append(name);
                case "emails.value" -> where.append(" AND u.emailKey = :").append(name);
                case "externalId" -> where.append(" AND u.externalId = :").append(name);
                default -> where.append(" AND u.id = :").append(name);
            }
            parameters.put(name, c.attribute().equals("userName") || c.attribute().equals("emails.value")
                    ? ScimUser.keyOf(c.value()) : c.value());
        }
        return page(ScimUser.class, "u", where.toString(), parameters, startIndex, count, ScimUserView::of);
    }

    public ScimUserView user(String id) {
        return ScimUserView.of(ownedUser(callerAccount(), id, false));
    }

    public ScimUserView createUser(JsonObject resource) {
        String accountId = callerAccount();
        ScimUserAttributes attributes = ScimUserAttributes.of(resource);
        attributes.validate();
        requireUniqueUserName(accountId, attributes.userName, null);
        Instant now = clock.instant();
        ScimUser user = new ScimUser(accountId, now);
        copy(attributes, user);
        em.persist(user);
        em.flush();
        activityLog.record(accountId, ActivityActions.SCIM_USER_PROVISIONED, ActivityActions.SCIM_USER, user.getId(),
                "SCIM user " + user.getUserName() + " provisioned" + (user.isActive() ? "" : " inactive"));
        if (!user.isActive()) {
            deprovisioning.revoke(user, "provisioned inactive");
        }
        return ScimUserView.of(user);
    }

    /** PUT: the whole user, as Okta sends it. */
    public ScimUserView replaceUser(String id, JsonObject resource) {
        String accountId = callerAccount();
        ScimUser user = ownedUser(accountId, id, true);
        ScimUserAttributes attributes = ScimUserAttributes.of(resource);
        return change(user, attributes);
    }

    public ScimUserView patchUser(String id, JsonObject patch) {
        String accountId = callerAccount();
        ScimUser user = ownedUser(accountId, id, true);
        ScimUserAttributes attributes = ScimUserAttributes.of(user);
        ScimPatch.applyToUser(patch, attributes);
        return change(user, attributes);
    }

    /** DELETE: the user is gone, and so are their activations, roles and pending invitations. */
    public void deleteUser(String id) {
        String accountId = callerAccount();
        ScimUser user = ownedUser(accountId, id, true);
        deprovisioning.revoke(user, "deleted");
        em.createQuery("SELECT g FROM ScimGroup g JOIN g.memberIds m WHERE m = :userId", ScimGroup.class)
                .setParameter("userId", user.getId()).getResultList().forEach(g -> g.removeMember(user.getId()));
        em.remove(user);
        activityLog.record(accountId, ActivityActions.SCIM_USER_DELETED, ActivityActions.SCIM_USER, user.getId(),
                "SCIM user " + user.getUserName() + " deleted");
    }

    private ScimUserView change(ScimUser user, ScimUserAttributes attributes) {
        attributes.validate();
        requireUniqueUserName(user.getAccountId(), attributes.userName, user.getId());
        if (user.isActive() && !attributes.active) {
            // revoked as the person they were before this change (a PUT may change userName or externalId too)
            deprovisioning.revoke(user, "deactivated");
        }
        copy(attributes, user);
        user.modifiedAt(clock.instant());
        em.flush();
        return ScimUserView.of(user);
    }

    // ---- groups

    public ScimPage<ScimGroupView> groups(String filter, int startIndex, int count, boolean withMembers) {
        String accountId = callerAccount();
        List<ScimFilter.Condition> conditions = ScimFilter.groups(filter);
        StringBuilder where = new StringBuilder("g.accountId = :accountId");
        Map<String, Object> parameters = new HashMap<>(Map.of("accountId", accountId));
        for (int i = 0; i < conditions.size(); i++) {
            ScimFilter.Condition c = conditions.get(i);
            String name = "v" + i;
            switch (c.attribute()) {
                case "displayName" -> where.append(" AND LOWER(g.displayName) = :").append(name);
                case "externalId" -> where.append(" AND g.externalId = :").append(name);
                default -> where.append(" AND g.id = :").append(name);
            }
            parameters.put(name, c.attribute().equals("displayName") ? ScimUser.keyOf(c.value()) : c.value());
        }
        return page(ScimGroup.class, "g", where.toString(), parameters, startIndex, count, g -> view(g, withMembers));
    }

    public ScimGroupView group(String id, boolean withMembers) {
        return view(ownedGroup(callerAccount(), id, false), withMembers);
    }

    public ScimGroupView createGroup(JsonObject resource) {
        String accountId = callerAccount();
        String displayName = ScimUserAttributes.text(resource.get("displayName"), "displayName");
        if (displayName == null || displayName.length() > 254) {
            throw ScimException.invalidValue("displayName is required, up to 254 characters");
        }
        ScimGroup group = new ScimGroup(accountId, displayName, clock.instant());
        group.setExternalId(ScimUserAttributes.text(resource.get("externalId"), "externalId"));
        for (String userId : membersOf(resource)) {
            group.addMember(ownedUser(accountId, userId, false).getId());
        }
        em.persist(group);
        em.flush();
        return view(group, true);
    }

    /** PUT: the whole group; members not listed are removed. */
    public ScimGroupView replaceGroup(String id, JsonObject resource) {
        ScimPatch.GroupChange change = new ScimPatch.GroupChange();
        change.displayName = ScimUserAttributes.text(resource.get("displayName"), "displayName");
        change.displayNameChanged = true;
        change.externalId = ScimUserAttributes.text(resource.get("externalId"), "externalId");
        change.externalIdChanged = true;
        change.replaceMembers = true;
        change.added.addAll(membersOf(resource));
        return changeGroup(id, change);
    }

    /** The member ids of a whole group resource (POST, PUT), read as a PATCH adding them would be. */
    private static Set<String> membersOf(JsonObject resource) {
        if (!resource.containsKey("members")) {
            return Set.of();
        }
        return ScimPatch.forGroup(jakarta.json.Json.createObjectBuilder().add("Operations", jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createObjectBuilder().add("op", "add").add("path", "members")
                        .add("value", resource.get("members")))).build()).added;
    }

    public ScimGroupView patchGroup(String id, JsonObject patch) {
        return changeGroup(id, ScimPatch.forGroup(patch));
    }

    public void deleteGroup(String id) {
        String accountId = callerAccount();
        ScimGroup group = ownedGroup(accountId, id, true);
        removeFromGroup(accountId, group, group.getMemberIds(), "group deleted");
        // a deleted required group has no members: nobody activates by ID token until an administrator names another
        em.remove(group);
    }

    private ScimGroupView changeGroup(String id, ScimPatch.GroupChange change) {
        String accountId = callerAccount();
        ScimGroup group = ownedGroup(accountId, id, true);
        if (change.displayNameChanged) {
            if (change.displayName == null || change.displayName.length() > 254) {
                throw ScimException.invalidValue("displayName is required, up to 254 characters");
            }
            group.setDisplayName(change.displayName);
        }
        if (change.externalIdChanged) {
            group.setExternalId(change.externalId);
        }
        Set<String> removed = new LinkedHashSet<>();
        if (change.removeAllMembers || change.replaceMembers) {
            removed.addAll(group.getMemberIds());
        }
        removed.addAll(change.removed);
        removed.removeAll(change.added);
        for (String userId : change.added) {
            group.addMember(ownedUser(accountId, userId, false).getId()); // another account's user: 404, nothing changes
        }
        Set<String> wereMembers = new LinkedHashSet<>(removed);
        wereMembers.retainAll(group.getMemberIds());
        wereMembers.forEach(group::removeMember);
        group.modifiedAt(clock.instant());
        em.flush();
        removeFromGroup(accountId, group, wereMembers, "removed from group '" + group.getDisplayName() + "'");
        return view(group, true);
    }

    /** O2, beyond the seeds: leaving the required group revokes the user's activations as deprovisioning does. */
    private void removeFromGroup(String accountId, ScimGroup group, Set<String> userIds, String reason) {
        IdentityProvider provider = em.find(IdentityProvider.class, accountId);
        if (userIds.isEmpty() || provider == null || !group.getId().equals(provider.getRequiredGroupId())) {
            return;
        }
        int computers = 0;
        for (String userId : userIds) {
            ScimUser user = em.find(ScimUser.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user != null) {
                computers += deprovisioning.revoke(user, reason);
            }
        }
        activityLog.record(accountId, ActivityActions.SCIM_GROUP_MEMBERS_REMOVED, ActivityActions.SCIM_GROUP, group.getId(),
                userIds.size() + " users " + reason + " (the required group): " + computers + " computers deactivated");
    }

    private ScimGroupView view(ScimGroup group, boolean withMembers) {
        List<ScimGroupView.Member> members = null;
        if (withMembers) {
            members = new ArrayList<>();
            Set<String> ids = group.getMemberIds();
            if (!ids.isEmpty()) {
                for (Object[] row : em.createQuery("SELECT u.id, u.userName FROM ScimUser u WHERE u.id IN :ids ORDER BY u.userNameKey",
                        Object[].class).setParameter("ids", ids).getResultList()) {
                    members.add(new ScimGroupView.Member((String) row[0], (String) row[1]));
                }
            }
        }
        return new ScimGroupView(group.getId(), group.getDisplayName(), group.getExternalId(), members,
                group.getCreatedAt(), group.getModifiedAt(), group.getVersion());
    }

    // ---- common

    /** The account of the SCIM token this request was authenticated with. */
    String callerAccount() {
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? "" : principal.getName();
        ScimToken token = name.startsWith(PRINCIPAL_PREFIX) && name.length() <= PRINCIPAL_PREFIX.length() + 36
                ? em.find(ScimToken.class, name.substring(PRINCIPAL_PREFIX.length())) : null;
        if (token == null || token.isRevoked()) {
            throw new ScimException(401, null, "A valid SCIM token is required (Authorization: Bearer).");
        }
        return token.getAccountId();
    }

    private <E, V> ScimPage<V> page(Class<E> type, String alias, String where, Map<String, Object> parameters,
            int startIndex, int count, java.util.function.Function<E, V> view) {
        int start = Math.max(1, startIndex);
        int size = count < 0 ? ScimPage.DEFAULT_COUNT : Math.min(count, ScimPage.MAX_COUNT);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(" + alias + ") FROM " + type.getSimpleName() + " " + alias
                + " WHERE " + where, Long.class);
        TypedQuery<E> items = em.createQuery("SELECT " + alias + " FROM " + type.getSimpleName() + " " + alias
                + " WHERE " + where + " ORDER BY " + alias + ".createdAt, " + alias + ".id", type);
        parameters.forEach((k, v) -> {
            total.setParameter(k, v);
            items.setParameter(k, v);
        });
        List<V> resources = size == 0 ? List.of()
                : items.setFirstResult(start - 1).setMaxResults(size).getResultStream().map(view).toList();
        return new ScimPage<>(resources, total.getSingleResult(), start);
    }

    private ScimUser ownedUser(String accountId, String id, boolean lock) {
        ScimUser user = id == null || id.length() > 36 ? null
                : lock ? em.find(ScimUser.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(ScimUser.class, id);
        if (user == null || !user.getAccountId().equals(accountId)) {
            throw ScimException.notFound("User " + id);
        }
        return user;
    }

    private ScimGroup ownedGroup(String accountId, String id, boolean lock) {
        ScimGroup group = id == null || id.length() > 36 ? null
                : lock ? em.find(ScimGroup.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(ScimGroup.class, id);
        if (group == null || !group.getAccountId().equals(accountId)) {
            throw ScimException.notFound("Group " + id);
        }
        return group;
    }

    private void requireUniqueUserName(String accountId, String userName, String exceptId) {
        List<String> same = em.createQuery("SELECT u.id FROM ScimUser u WHERE u.accountId = :accountId AND u.userNameKey = :key",
                String.class).setParameter("accountId", accountId).setParameter("key", ScimUser.keyOf(userName)).getResultList();
        if (same.stream().anyMatch(other -> !other.equals(exceptId))) {
            throw new ScimException(409, "uniqueness", "userName " + userName + " is already provisioned");
        }
    }

    private static void copy(ScimUserAttributes a, ScimUser user) {
        user.setUserName(a.userName);
        user.setExternalId(a.externalId);
        user.setDisplayName(a.displayName);
        user.setGivenName(a.givenName);
        user.setFamilyName(a.familyName);
        user.setEmail(a.email);
        user.setActive(a.active);
    }
}
