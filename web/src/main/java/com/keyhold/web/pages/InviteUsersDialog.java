package com.keyhold.web.pages;

import com.keyhold.common.CsvCells;
import com.keyhold.common.KeyholdException;
import com.keyhold.invitation.AddressList;
import com.keyhold.invitation.InstallInvitationService;
import com.keyhold.invitation.InstallInvitationView;
import com.keyhold.invitation.InvitableKey;
import com.keyhold.invitation.InvitationBatch;
import com.keyhold.licensekey.KeyView;
import com.keyhold.licensekey.LicenseKeyService;
import com.keyhold.user.Language;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;

/**
 * The Invite Users dialog (SPEC I1, I2), opened from a product card of the dashboard, from the
 * subscription page's header (the key picker open on that subscription's keys) or from one key's
 * button: a key with its free seats and pending invitations, a language, an expiry, addresses typed
 * as chips or read from a one-column CSV, then Send Invitations (one email each) or Download
 * Invitations (a CSV of email, code and link, nothing sent). Rows that are not addresses are listed
 * back, not dropped.
 */
@Named
@ViewScoped
public class InviteUsersDialog implements Serializable {

    private static final long serialVersionUID = 1L;
    static final List<Integer> EXPIRY_CHOICES = List.of(1, 3, 7, 14, 30);

    @EJB
    InstallInvitationService invitations;

    @EJB
    LicenseKeyService licenseKeys;

    @Inject
    SessionUser currentUser;

    private String productCode;
    /** Set when opened from a subscription's header: only its keys are offered, in a list shown open. */
    private String subscriptionId;
    private List<InvitableKey> keys = List.of();
    private String keyId;
    private Language language;
    private int expiresInDays = 7;
    private List<String> emails = new ArrayList<>();
    private List<AddressList.Invalid> invalidRows = List.of();
    private List<InvitationBatch.Rejected> rejected = List.of();
    private int invitedCount = -1;

    /** Opens the dialog for a product's keys (the dashboard card's Invite Users). */
    public void open(String product) {
        productCode = product;
        subscriptionId = null;
        keys = loadKeys();
        keyId = keys.isEmpty() ? null : keys.get(0).id();
        reset();
    }

    /** Opens the dialog for one key (the Invite Users button of a key on the subscription page), with every key to choose from. */
    public void openForKey(String chosenKeyId) {
        open(null);
        keys.stream().filter(k -> k.id().equals(chosenKeyId)).findFirst().ifPresent(k -> keyId = k.id());
    }

    /**
     * Opens the dialog from a subscription's header (I1, the seed's "select a license key"): the key
     * picker is shown open with that subscription's keys, and none is chosen for the administrator.
     */
    public void openForSubscription(String chosenSubscriptionId) {
        productCode = null;
        subscriptionId = chosenSubscriptionId;
        keys = loadKeys();
        keyId = null;
        reset();
    }

    private void reset() {
        language = currentUser.getUser().getLanguage();
        expiresInDays = 7;
        emails = new ArrayList<>();
        invalidRows = List.of();
        rejected = List.of();
        invitedCount = -1;
    }

    /** The keys the caller may invite for: of the product, or of the subscription (in its key table's order). */
    private List<InvitableKey> loadKeys() {
        String userId = currentUser.getUserId();
        String accountId = currentUser.getSelectedAccountId();
        List<InvitableKey> invitable = invitations.invitableKeys(userId, accountId, productCode);
        if (subscriptionId == null) {
            return invitable;
        }
        try {
            Map<String, InvitableKey> byId = invitable.stream().collect(Collectors.toMap(InvitableKey::id, Function.identity()));
            return licenseKeys.managedKeys(userId, accountId, subscriptionId).stream().map(KeyView::getId)
                    .filter(byId::containsKey).map(byId::get).toList();
        } catch (KeyholdException refused) {
            return List.of();
        }
    }

    /** The subscription header's picker is a list shown open (the keys, up to eight rows); elsewhere a drop-down. */
    public boolean isKeyPickerOpen() {
        return subscriptionId != null;
    }

    public int getKeyPickerSize() {
        return isKeyPickerOpen() ? Math.max(2, Math.min(keys.size(), 8)) : 1;
    }

    /** A one-column CSV of addresses: valid ones join the chips, the others are listed back (I1). */
    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            AddressList.Result read = AddressList.fromCsv(in);
            List<String> merged = new ArrayList<>(emails);
            read.valid().stream().filter(e -> merged.stream().noneMatch(e::equalsIgnoreCase)).forEach(merged::add);
            emails = merged;
            invalidRows = read.invalid();
            Messages.info("invite.fileRead", read.valid().size(), read.invalid().size());
        } catch (AddressList.Refused refused) {
            Messages.error(new KeyholdException(com.keyhold.common.ErrorCode.BAD_REQUEST, refused.getMessage()));
        } catch (IOException unreadable) {
            Messages.error(new KeyholdException(com.keyhold.common.ErrorCode.BAD_REQUEST, "The file could not be read."));
        }
    }

    /** Send Invitations (n): one email each, in the chosen language (I2). */
    public void send() {
        invite(true);
    }

    /** Download Invitations: the codes as CSV (email, code, link) without sending anything (I2). */
    public void download() throws IOException {
        InvitationBatch batch = invite(false);
        if (batch == null || batch.items().isEmpty()) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"invitations.csv\"");
        try (Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
            out.write(CsvCells.row("Email", "Activation Code", "Download Link", "Expires (UTC)"));
            for (InstallInvitationView item : batch.items()) {
                out.write(CsvCells.row(item.email(), item.code(), item.downloadUrl(), item.expiresAt().toString()));
            }
        }
        faces.responseComplete();
    }

    private InvitationBatch invite(boolean sendEmails) {
        if (keyId == null || keyId.isBlank()) {
            Messages.error("invite.chooseKey");
            return null;
        }
        try {
            InvitationBatch batch = invitations.invite(currentUser.getUserId(), currentUser.getSelectedAccountId(), keyId,
                    emails, language, expiresInDays, sendEmails);
            invitedCount = batch.items().size();
            rejected = batch.rejected();
            if (sendEmails) {
                Messages.info("invite.sent", invitedCount);
            }
            emails = new ArrayList<>();
            keys = loadKeys();
            return batch;
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
    }

    public String keyLabel(InvitableKey key) {
        return java.text.MessageFormat.format(Messages.text("invite.keyLabel"), key.subscriptionName(), key.name(),
                key.available(), key.quota(), key.pendingInvitations());
    }

    public List<InvitableKey> getKeys() {
        return keys;
    }

    public String getKeyId() {
        return keyId;
    }

    public void setKeyId(String keyId) {
        this.keyId = keyId;
    }

    public Language getLanguage() {
        return language;
    }

    public void setLanguage(Language language) {
        this.language = language;
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public int getExpiresInDays() {
        return expiresInDays;
    }

    public void setExpiresInDays(int expiresInDays) {
        this.expiresInDays = expiresInDays;
    }

    public List<Integer> getExpiryChoices() {
        return EXPIRY_CHOICES;
    }

    public List<String> getEmails() {
        return emails;
    }

    public void setEmails(List<String> emails) {
        this.emails = emails == null ? new ArrayList<>() : new ArrayList<>(emails);
    }

    public List<AddressList.Invalid> getInvalidRows() {
        return invalidRows;
    }

    public List<InvitationBatch.Rejected> getRejected() {
        return rejected;
    }

    public int getInvitedCount() {
        return invitedCount;
    }
}
