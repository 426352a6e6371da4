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
    // deleting a key: another key of the subscription its computers move to instead of being deactivated (L7, C8)
    private String moveToKeyId;
    // L9: the one key revealed on request (and logged), never part of the table's HTML
    private String revealedKeyName;
    private transient String revealedKey;

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

    /**
     * An order-history line in the reader's language (issue 12), from its kind and values; a line older
     * than its values (V13) keeps the English it was stored with.
     */
    public String orderText(SubscriptionOrder order) {
        List<String> values = order.getArguments();
        String pattern = Messages.text("order." + order.getKind());
        if (values.isEmpty() || pattern.startsWith("order.")) {
            return order.getDescription();
        }
        java.util.Locale locale = currentLocale.getLocale();
        Object[] shown = values.stream().map(v -> localized(v, locale)).toArray();
        if ("ISSUED".equals(order.getKind()) && shown.length == 4) {
            shown[3] = Boolean.parseBoolean(values.get(3)) ? Messages.text("order.trial") : "";
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /** When an order-history line happened, in the reader's language (UTC, as the page says). */
    public String orderDate(SubscriptionOrder order) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                java.time.format.FormatStyle.SHORT).withLocale(currentLocale.getLocale())
                .withZone(java.time.ZoneOffset.UTC).format(order.getHappenedAt());
    }

    /** An ISO date among a line's values shown as the reader writes dates; anything else as it is. */
    private static Object localized(String value, java.util.Locale locale) {
        try {
            return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale)
                    .format(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException notADate) {
            return value;
        }
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
                KeyView changed = keys.change(currentUser.getUserId(), currentUser.getSelectedAccountId(), keyId,
                        new KeyChange(keyName, null, keyIsPrimary ? null : keyQuota, expiry,
                                keyIsPrimary ? null : keyRenewsWithSubscription)
                                .withProfile(keyProfileId == null || keyProfileId.isBlank() ? null : keyProfileId), confirm);
                if (changed.getQueuedDeactivations() > 0) {
                    // L7 beyond one batch: the installations are deactivated in the background (KeyTrimmer)
                    done("key.savedQueued", changed.getQueuedDeactivations());
                } else {
                    done("key.saved");
                }
            }
        } catch (KeyholdException refused) {
            askOrShow(refused, false);
        }
    }

    private void delete(boolean confirm) {
        try {
            String target = moveToKeyId == null || moveToKeyId.isBlank() ? null : moveToKeyId;
            LicenseKeyService.Deletion deletion = keys.delete(currentUser.getUserId(), currentUser.getSelectedAccountId(),
                    keyId, confirm, target);
            moveToKeyId = null;
            if (deletion.moved() > 0) {
                done("key.deletedMoved", deletion.moved());
            } else {
                done("key.deleted");
            }
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

    private void done(String messageKey, Object... arguments) {
        keyViews = null;
        subscription = null;
        if (arguments.length == 0) {
            Messages.info(messageKey);
        } else {
            Messages.info(messageKey, arguments);
        }
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

    /** Shows one key in full (L9); the service records the reveal in the activity log. */
    public void reveal(String revealKeyId) {
        try {
            revealedKey = keys.reveal(currentUser.getUserId(), currentUser.getSelectedAccountId(), revealKeyId);
            revealedKeyName = getKeys().stream().filter(k -> k.getId().equals(revealKeyId)).map(KeyView::getName)
                    .findFirst().orElse("");
            PrimeFaces.current().executeScript("PF('revealDialog').show()");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /** Forgets the revealed key when its dialog closes, so a later render of the view cannot carry it. */
    public void hideRevealed() {
        revealedKey = null;
        revealedKeyName = null;
    }

    public String getRevealedKey() {
        return revealedKey;
    }

    public String getRevealedKeyName() {
        return revealedKeyName;
    }

    /** The other keys of the subscription a deleted key's computers can move to, with their free seats. */
    public List<KeyView> getMoveTargets() {
        return getKeys().stream().filter(k -> !k.getId().equals(keyId) && !k.isExpired()).toList();
    }

    public String getMoveToKeyId() {
        return moveToKeyId;
    }

    public void setMoveToKeyId(String moveToKeyId) {
        this.moveToKeyId = moveToKeyId;
    }

    /** "Quota of licenses (5 out of 10)": the key's quota out of the subscription's seats. */
    public String getQuotaLabel() {
        int seats = getSubscription() == null ? 0 : getSubscription().getSeats();
        return MessageFormat.format(Messages.text("keys.quotaOutOf"), keyQuota == null ? 0 : keyQuota, seats);
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

    public boolean isPendingDelete() {
        return pendingDelete;
    }

    public int getWouldDeactivate() {
        return wouldDeactivate;
    }

}
