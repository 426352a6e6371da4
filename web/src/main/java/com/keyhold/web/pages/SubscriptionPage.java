package com.keyhold.web.pages;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.KeyChange;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.KeyView;
import com.keyhold.licensekey.LicenseKeyService;
import com.keyhold.subscription.AccountSubscriptions;
import com.keyhold.subscription.SubscriptionOrder;
import com.keyhold.subscription.SubscriptionView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * Subscription details (SPEC L1, L4–L7): status, dates, renewal, products, order history, contract
 * details, rename; the License Keys table with the key dialog (create, change, delete). A change that
 * would deactivate installations is first refused by the service with the count, shown to the
 * administrator, and only then confirmed (L7).
 */
@Named
@ViewScoped
public class SubscriptionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    AccountSubscriptions subscriptions;

    @EJB
    LicenseKeyService keys;

    @Inject
    SessionUser currentUser;

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
    }

    public void editKey(KeyView key) {
        keyId = key.getId();
        keyName = key.getName();
        keyType = key.getType();
        keyQuota = key.getQuota();
        keyRenewsWithSubscription = key.isRenewsWithSubscription();
        keyExpiresOn = key.isRenewsWithSubscription() ? null : key.getExpiresOn();
        keyIsPrimary = key.getType() == KeyType.PRIMARY;
        wouldDeactivate = 0;
        pendingDelete = false;
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
                                keyIsPrimary ? null : keyRenewsWithSubscription), confirm);
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

    public KeyType[] getCreatableTypes() {
        return new KeyType[] {KeyType.RESERVED, KeyType.DYNAMIC};
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
