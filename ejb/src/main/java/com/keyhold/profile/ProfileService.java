package com.keyhold.profile;

import com.keyhold.account.Account;
import com.keyhold.account.AccountAccess;
import com.keyhold.account.AccountType;
import com.keyhold.account.Membership;
import com.keyhold.activity.ActivityActions;
import com.keyhold.activity.ActivityLog;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Validation;
import com.keyhold.common.Violation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration profiles of an account (SPEC P1, P2; CONTRACT section 6): list, create, get, change,
 * delete. Account administrators only: license administrators and regular members are refused
 * ({@code FORBIDDEN}) here, whatever page or API asks; a profile of another account is "not found".
 *
 * <p>Deleting a profile that keys use is allowed and puts those keys back on the built-in Default,
 * in the same transaction: an IT administrator retiring a profile expects it gone, and Default is
 * exactly what a key without a profile means. The computers of those keys receive Default at their
 * next check-in; the activity entry names how many keys went back to Default.
 */
@Stateless
public class ProfileService {

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    @Inject
    Clock clock;

    @EJB
    AccountAccess access;

    @EJB
    ActivityLog activityLog;

    public List<ProfileView> list(String userId, String accountId) {
        Account account = administeredAccount(userId, accountId);
        List<ConfigurationProfile> profiles = em.createNamedQuery("ConfigurationProfile.ofAccount", ConfigurationProfile.class)
                .setParameter("accountId", account.getId()).getResultList();
        Map<String, Long> keyCounts = new HashMap<>();
        if (!profiles.isEmpty()) {
            em.createQuery("SELECT k.profile.id, COUNT(k) FROM LicenseKey k WHERE k.profile IN :profiles GROUP BY k.profile.id",
                            Object[].class)
                    .setParameter("profiles", profiles).getResultList()
                    .forEach(row -> keyCounts.put((String) row[0], (Long) row[1]));
        }
        return profiles.stream().map(p -> view(p, keyCounts.getOrDefault(p.getId(), 0L))).toList();
    }

    public ProfileView get(String userId, String accountId, String profileId) {
        Account account = administeredAccount(userId, accountId);
        return view(owned(account, profileId));
    }

    public ProfileView create(String userId, String accountId, ProfileDraft draft) {
        Account account = administeredAccount(userId, accountId);
        ProfileDraft valid = validated(draft);
        // One name per account: decided under the account's lock, so two concurrent creates cannot both pass.
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        requireUniqueName(account, valid.name(), null);
        ConfigurationProfile profile = new ConfigurationProfile(account, valid.name(), valid.vmImage(), valid.upgrades(),
                clock.instant());
        em.persist(profile);
        em.flush();
        activityLog.record(account.getId(), ActivityActions.PROFILE_CREATED, ActivityActions.CONFIGURATION_PROFILE,
                profile.getId(), "configuration profile '" + profile.getName() + "' created: " + describe(profile));
        return view(profile, 0);
    }

    /**
     * Replaces the name and both payloads. Computers of the profile's keys receive the new profile at
     * their next check-in (the certificate's state includes the rendered profile).
     */
    public ProfileView update(String userId, String accountId, String profileId, ProfileDraft draft) {
        Account account = administeredAccount(userId, accountId);
        ConfigurationProfile profile = owned(account, profileId);
        ProfileDraft valid = validated(draft);
        em.lock(account, LockModeType.PESSIMISTIC_WRITE);
        requireUniqueName(account, valid.name(), profile.getId());
        String oldName = profile.getName();
        String before = describe(profile);
        profile.change(valid.name(), valid.vmImage(), valid.upgrades(), clock.instant());
        String after = describe(profile);
        List<String> changes = new ArrayList<>();
        if (!oldName.equals(profile.getName())) {
            changes.add("name '" + oldName + "' -> '" + profile.getName() + "'");
        }
        if (!before.equals(after)) {
            changes.add(after);
        }
        if (!changes.isEmpty()) {
            activityLog.record(account.getId(), ActivityActions.PROFILE_CHANGED, ActivityActions.CONFIGURATION_PROFILE,
                    profile.getId(), "configuration profile '" + profile.getName() + "' changed: " + String.join(", ", changes));
        }
        em.flush();
        return view(profile);
    }

    /** Deletes the profile; the keys that use it go back to Default. Returns how many keys did. */
    public int delete(String userId, String accountId, String profileId) {
        Account account = administeredAccount(userId, accountId);
        ConfigurationProfile profile = owned(account, profileId);
        int keys = em.createQuery("UPDATE LicenseKey k SET k.profile = NULL WHERE k.profile = :profile")
                .setParameter("profile", profile).executeUpdate();
        activityLog.record(account.getId(), ActivityActions.PROFILE_DELETED, ActivityActions.CONFIGURATION_PROFILE,
                profile.getId(), "configuration profile '" + profile.getName() + "' deleted"
                        + (keys == 0 ? "" : ", " + keys + " keys back on Default"));
        em.remove(profile);
        return keys;
    }

    /**
     * The profile a key of this account may take (for the key change of SPEC P2): another account's
     * id, or an unknown one, is "not found".
     */
    public static ConfigurationProfile profileOf(EntityManager em, String accountId, String profileId) {
        ConfigurationProfile profile = profileId == null || profileId.length() > 36 ? null
                : em.find(ConfigurationProfile.class, profileId);
        if (profile == null || !profile.getAccount().getId().equals(accountId)) {
            throw KeyholdException.notFound("Configuration profile");
        }
        return profile;
    }

    private Account administeredAccount(String userId, String accountId) {
        Membership membership = access.requireAdministrator(userId, accountId);
        if (membership.getAccount().getType() != AccountType.BUSINESS) {
            throw new KeyholdException(ErrorCode.FORBIDDEN, "Configuration profiles belong to business accounts.");
        }
        return membership.getAccount();
    }

    private ConfigurationProfile owned(Account account, String profileId) {
        return profileOf(em, account.getId(), profileId);
    }

    private static ProfileDraft validated(ProfileDraft draft) {
        if (draft == null) {
            throw KeyholdException.badRequest("body", "is required");
        }
        ProfileDraft normalized = ProfilePayloads.normalize(draft);
        Validation.require(ProfilePayloads.violations(normalized));
        return normalized;
    }

    private void requireUniqueName(Account account, String name, String exceptId) {
        boolean taken = em.createQuery("SELECT p.id FROM ConfigurationProfile p WHERE p.account.id = :account"
                        + " AND LOWER(p.name) = LOWER(:name)", String.class)
                .setParameter("account", account.getId()).setParameter("name", name).getResultList().stream()
                .anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw KeyholdException.badRequest(List.of(new Violation("name", "another profile of this account has this name")));
        }
    }

    private ProfileView view(ConfigurationProfile profile) {
        long keys = em.createQuery("SELECT COUNT(k) FROM LicenseKey k WHERE k.profile = :profile", Long.class)
                .setParameter("profile", profile).getSingleResult();
        return view(profile, keys);
    }

    private static ProfileView view(ConfigurationProfile p, long keys) {
        return new ProfileView(p.getId(), p.getName(), p.getVmImage(), p.getUpgrades(), keys, p.getUpdatedAt());
    }

    /** The payloads as the activity log states them. */
    private static String describe(ConfigurationProfile profile) {
        VmImagePayload vm = profile.getVmImage();
        UpgradesPayload up = profile.getUpgrades();
        return "VM image " + (vm.enabled() ? "on" : "off") + (vm.imageUrl() == null ? "" : " (" + vm.imageUrl()
                + (vm.vmName() == null ? "" : ", VM '" + vm.vmName() + "'") + ")")
                + "; major upgrades " + (up.enabled() ? "on" : "off")
                + " (" + (up.allowed() ? "allowed" + (up.targetVersion() == null ? "" : " to " + up.targetVersion()) : "not allowed") + ")";
    }
}
