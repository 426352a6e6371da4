package com.keyhold.web.pages;

import com.keyhold.account.MemberInvitationService;
import com.keyhold.account.MemberRole;
import com.keyhold.account.MemberView;
import com.keyhold.account.MembershipService;
import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.KeyChange;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.KeyView;
import com.keyhold.licensekey.LicenseKeyService;
import com.keyhold.profile.ProfileService;
import com.keyhold.profile.ProfileView;
import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.SubscriptionOrder;
import com.keyhold.subscription.SubscriptionView;
import com.keyhold.user.Language;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Subscription details (SPEC L1, L4–L7): status, dates, renewal, products, order history, contract
 * details, rename; the License Keys table with the key dialog (create, change, delete). A change that
 * would deactivate installations is first refused by the service with the count, shown to the
 * administrator, and only then confirmed (L7). The key dialog's License Administrators tab (A6)
 * lists the members who administer the key, adds and removes them, and invites new ones for it.
 */
@Named
@ViewScoped
public class SubscriptionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountSubscriptions subscriptions;

    @EJB
    LicenseKeyService keys;

    @EJB
    MembershipService memberships;

    @EJB
    ProfileService profiles;

    // the key dialog's Configuration Profile (SPEC P2): null or blank is the built-in Default
    private String keyProfileId;
    private transient List<ProfileView> profileChoices;

    @EJB
    MemberInvitationService invitations;

    @Inject
    SessionUser currentUser;

    @Inject
    CurrentLocale currentLocale;

    private String id;
    private transient SubscriptionView subscription;
    private transient List<KeyView> keyViews;
    private String newName;

    // the key dialog
    private String keyId;
    private String keyName;
    private KeyType keyType = KeyType.RESERVED;
    private Integer keyQuota;
    private boolean keyRenewsWithSubscription = true;
    private LocalDate keyExpiresOn;
    private boolean keyIsPrimary;
    private int wouldDeactivate;
    private boolean pendingDelete;

    // the key dialog's License Administrators tab
    private transient List<MemberView> accountMembers;
    private String memberToAdd;
    private List<String> keyInviteEmails = new ArrayList<>();

    public void load() {
        try {
            subscription = subscriptions.get(currentUser.getUserId(), currentUser.getSelectedAccountId(), id);
            newName = subscription.getName();
        } catch (KeyholdException notFound) {
            subscription = null;
        }
    }

    public SubscriptionView getSubscription() {
        if (subscription == null && id != null) {
            load();
        }
        return subscription;
    }

    public List<KeyView> getKeys() {
        if (keyViews == null && getSubscription() != null) {
            try {
                keyViews = keys.keysOf(currentUser.getUserId(), currentUser.getSelectedAccountId(), id);
            } catch (KeyholdException refused) {
                keyViews = List.of();
            }
        }
        return keyViews;
    }

    public List<SubscriptionOrder> getOrders() {
        return subscriptions.orders(currentUser.getUserId(), currentUser.getSelectedAccountId(), id);
    }

    public String getContractDetails() {
        return subscriptions.contractDetails(currentUser.getUserId(), currentUser.getSelectedAccountId(), id);
    }

    public void rename() {
        run(() -> subscriptions.rename(currentUser.getUserId(), currentUser.getSelectedAccountId(), id, newName), "subscription.renamed");
    }

    public void toggleAutoRenewal() {
        boolean on = !getSubscription().isAutoRenewal();
        run(() -> subscriptions.setAutoRenewal(currentUser.getUserId(), currentUser.getSelectedAccountId(), id, on),
                on ? "subscription.autoRenewalOn" : "subscription.autoRenewalOff");
    }

    public void newKey() {
        keyId = null;
        keyName = null;
        keyType = KeyType.RESERVED;
        keyQuota = 1;
        keyRenewsWithSubscription = true;
        keyExpiresOn = null;
        keyIsPrimary = false;
        wouldDeactivate = 0;
        pendingDelete = false;
        accountMembers = null;
    }

    public void editKey(KeyView key) {
        keyId = key.getId();
        keyName = key.getName();
        keyType = key.getType();
        keyQuota = key.getQuota();
        keyRenewsWithSubscription = key.isRenewsWithSubscription();
        keyExpiresOn = key.isRenewsWithSubscription() ? null : key.getExpiresOn();
        keyIsPrimary = key.getType() == KeyType.PRIMARY;
        keyProfileId = key.getProfileId();
        wouldDeactivate = 0;
        pendingDelete = false;
        accountMembers = null;
        memberToAdd = null;
        keyInviteEmails = new ArrayList<>();
    }

    private List<MemberView> accountMembers() {
        if (accountMembers == null) {
            try {
                accountMembers = memberships.members(currentUser.getUserId(), currentUser.getSelectedAccountId(), null, null, null);
            } catch (KeyholdException refused) {
                // a personal account has no members to make license administrators
                accountMembers = List.of();
            }
        }
        return accountMembers;
    }

    /** The members who administer the key of the dialog (A6). */
    public List<MemberView> getKeyAdministrators() {
        if (keyId == null) {
            return List.of();
        }
        return accountMembers().stream()
                .filter(m -> m.getRole() == MemberRole.LICENSE_ADMINISTRATOR && m.getKeyIds().contains(keyId)).toList();
    }

    /** Members who could be made administrators of this key: not account administrators, not yet administering it. */
    public List<MemberView> getKeyAdministratorCandidates() {
        if (keyId == null) {
            return List.of();
        }
        return accountMembers().stream()
                .filter(m -> m.getRole() != MemberRole.ACCOUNT_ADMINISTRATOR && !m.isBlocked() && !m.getKeyIds().contains(keyId))
                .toList();
    }

    /** The profiles a key can take (account administrators of a business account); none for others. */
    public List<ProfileView> getProfileChoices() {
        if (profileChoices == null) {
            try {
                profileChoices = isBusinessAccount()
                        ? profiles.list(currentUser.getUserId(), currentUser.getSelectedAccountId()) : List.of();
            } catch (KeyholdException refused) {
                profileChoices = List.of();
            }
        }
        return profileChoices;
    }

    public String getKeyProfileId() {
        return keyProfileId;
    }

    public void setKeyProfileId(String keyProfileId) {
        this.keyProfileId = keyProfileId;
    }

    public boolean isBusinessAccount() {
        return currentUser.getSelectedAccount().isBusiness();
    }

    public void addKeyAdministrator() {
        if (memberToAdd == null || memberToAdd.isBlank()) {
            Messages.error("keyAdmins.choose");
            return;
        }
        changeKeyAdministration(memberToAdd, true, "keyAdmins.added");
        memberToAdd = null;
    }

    public void removeKeyAdministrator(String memberUserId) {
        changeKeyAdministration(memberUserId, false, "keyAdmins.removed");
    }

    /** Adds the key to, or takes it from, the member's keys; a member left without keys is a Regular Member again. */
    private void changeKeyAdministration(String memberUserId, boolean add, String messageKey) {
        try {
            MemberView member = memberships.member(currentUser.getUserId(), currentUser.getSelectedAccountId(), memberUserId);
            List<String> memberKeys = new ArrayList<>(member.getKeyIds());
            memberKeys.remove(keyId);
            if (add) {
                memberKeys.add(keyId);
            }
            MemberRole role = memberKeys.isEmpty() ? MemberRole.REGULAR_MEMBER : MemberRole.LICENSE_ADMINISTRATOR;
            memberships.change(currentUser.getUserId(), currentUser.getSelectedAccountId(), memberUserId, role, memberKeys, null);
            accountMembers = null;
            Messages.info(messageKey);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /**
     * Invites new users who join as administrators of this key (the seed's Invite Users on the tab):
     * the addresses typed as chips, all or none (an invalid one stays marked on the list).
     */
    public void inviteKeyAdministrators() {
        try {
            int sent = invitations.invite(currentUser.getUserId(), currentUser.getSelectedAccountId(), keyInviteEmails,
                    Language.fromTag(currentLocale.getLocale().toLanguageTag()), keyId, null).size();
            keyInviteEmails = new ArrayList<>();
            Messages.info("keyAdmins.invited", sent);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public String getMemberToAdd() {
        return memberToAdd;
    }

    public void setMemberToAdd(String memberToAdd) {
        this.memberToAdd = memberToAdd;
    }

    public List<String> getKeyInviteEmails() {
        return keyInviteEmails;
    }

    public void setKeyInviteEmails(List<String> keyInviteEmails) {
        this.keyInviteEmails = keyInviteEmails == null ? new ArrayList<>() : new ArrayList<>(keyInviteEmails);
    }

    /** Saves the key dialog; the first attempt of a change that deactivates installations asks for confirmation. */
    public void saveKey() {
        save(false);
    }

    public void confirmKeyChange() {
        if (pendingDelete) {
            delete(true);
        } else {
            save(true);
        }
    }

    public void deleteKey() {
        delete(false);
    }

    private void save(boolean confirm) {
        LocalDate expiry = keyRenewsWithSubscription ? null : keyExpiresOn;
        try {
            if (keyId == null) {
                keys.create(currentUser.getUserId(), currentUser.getSelectedAccountId(), id,
                        new KeyChange(keyName, keyType, keyQuota, expiry, keyRenewsWithSubscription));
                done("key.created");
            } else {
                keys.change(currentUser.getUserId(), currentUser.getSelectedAccountId(), keyId,
                        new KeyChange(keyName, null, keyIsPrimary ? null : keyQuota, expiry,
                                keyIsPrimary ? null : keyRenewsWithSubscription)
                                .withProfile(keyProfileId == null || keyProfileId.isBlank() ? null : keyProfileId), confirm);
                done("key.saved");
            }
        } catch (KeyholdException refused) {
            askOrShow(refused, false);
        }
    }

    private void delete(boolean confirm) {
        try {
            keys.delete(currentUser.getUserId(), currentUser.getSelectedAccountId(), keyId, confirm);
            done("key.deleted");
        } catch (KeyholdException refused) {
            askOrShow(refused, true);
        }
    }

    private void askOrShow(KeyholdException refused, boolean forDelete) {
        if (refused.code() == ErrorCode.CONFIRMATION_REQUIRED) {
            wouldDeactivate = ((Number) refused.details().get("wouldDeactivate")).intValue();
            pendingDelete = forDelete;
            PrimeFaces.current().executeScript("PF('confirmKeyDialog').show()");
        } else {
            Messages.error(refused);
        }
    }

    private void done(String messageKey) {
        keyViews = null;
        subscription = null;
        Messages.info(messageKey);
        PrimeFaces.current().executeScript("PF('keyDialog').hide(); PF('confirmKeyDialog').hide()");
    }

    private void run(Runnable action, String messageKey) {
        try {
            action.run();
            subscription = null;
            Messages.info(messageKey);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public String getConfirmationText() {
        return MessageFormat.format(Messages.text(pendingDelete ? "key.confirmDelete" : "key.confirmQuota"), wouldDeactivate);
    }

    /** S1: the fleet product's sublicenses are reserved, one per SCCM site; no dynamic keys. */
    public KeyType[] getCreatableTypes() {
        return getSubscription() != null && getSubscription().isProxyLicensed() ? new KeyType[] {KeyType.RESERVED}
                : new KeyType[] {KeyType.RESERVED, KeyType.DYNAMIC};
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getKeyName() {
        return keyName;
    }

    public void setKeyName(String keyName) {
        this.keyName = keyName;
    }

    public KeyType getKeyType() {
        return keyType;
    }

    public void setKeyType(KeyType keyType) {
        this.keyType = keyType;
    }

    public Integer getKeyQuota() {
        return keyQuota;
    }

    public void setKeyQuota(Integer keyQuota) {
        this.keyQuota = keyQuota;
    }

    public boolean isKeyRenewsWithSubscription() {
        return keyRenewsWithSubscription;
    }

    public void setKeyRenewsWithSubscription(boolean keyRenewsWithSubscription) {
        this.keyRenewsWithSubscription = keyRenewsWithSubscription;
    }

    public LocalDate getKeyExpiresOn() {
        return keyExpiresOn;
    }

    public void setKeyExpiresOn(LocalDate keyExpiresOn) {
        this.keyExpiresOn = keyExpiresOn;
    }

    public boolean isKeyIsPrimary() {
        return keyIsPrimary;
    }

    public int getWouldDeactivate() {
        return wouldDeactivate;
    }

}
