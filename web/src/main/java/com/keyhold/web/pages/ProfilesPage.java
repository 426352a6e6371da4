package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.profile.ProfileDraft;
import com.keyhold.profile.ProfileService;
import com.keyhold.profile.ProfileView;
import com.keyhold.profile.UpgradesPayload;
import com.keyhold.profile.VmImagePayload;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * The Configuration Profiles page (SPEC P1, seed "Using Configuration Profiles"): the list, Create
 * Profile, the profile dialog (name; the payloads on the left, each payload's settings with its
 * "Enable" switch on the right) and delete. {@link ProfileService} refuses everyone but account
 * administrators; the page only tells others so.
 */
@Named
@ViewScoped
public class ProfilesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ProfileService profiles;

    @Inject
    SessionUser currentUser;

    /** The account this view was opened for (a dialog still acts on it if another tab switches account). */
    private String accountId;
    private boolean allowed;
    private List<ProfileView> list;

    // the profile dialog: null id is a new profile
    private String editedId;
    private String name;
    private boolean vmImageEnabled;
    private String imageUrl;
    private String checksum;
    private String vmName;
    private boolean upgradesEnabled;
    private boolean upgradesAllowed;
    private String targetVersion;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        try {
            list = profiles.list(currentUser.getUserId(), accountId);
            allowed = true;
        } catch (KeyholdException refused) {
            list = List.of();
            allowed = false;
        }
    }

    public boolean isAllowed() {
        return allowed;
    }

    public List<ProfileView> getProfiles() {
        return list;
    }

    public void create() {
        editedId = null;
        name = Messages.text("profiles.newName");
        fill(VmImagePayload.none(), UpgradesPayload.none());
    }

    public void edit(String profileId) {
        try {
            ProfileView profile = profiles.get(currentUser.getUserId(), accountId, profileId);
            editedId = profile.getId();
            name = profile.getName();
                fill(profile.getVmImage(), profile.getUpgrades());
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void save() {
        ProfileDraft draft = new ProfileDraft(name, new VmImagePayload(vmImageEnabled, imageUrl, checksum, vmName),
                new UpgradesPayload(upgradesEnabled, upgradesAllowed, targetVersion));
        try {
            if (editedId == null) {
                profiles.create(currentUser.getUserId(), accountId, draft);
            } else {
                profiles.update(currentUser.getUserId(), accountId, editedId, draft);
            }
            reload();
            Messages.info("profiles.saved");
            PrimeFaces.current().executeScript("PF('profileDialog').hide()");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void delete(String profileId) {
        try {
            int keys = profiles.delete(currentUser.getUserId(), accountId, profileId);
            reload();
            Messages.info("profiles.deleted", keys);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    private void reload() {
        list = profiles.list(currentUser.getUserId(), accountId);
    }

    private void fill(VmImagePayload vm, UpgradesPayload up) {
        vmImageEnabled = vm.enabled();
        imageUrl = vm.imageUrl();
        checksum = vm.checksum();
        vmName = vm.vmName();
        upgradesEnabled = up.enabled();
        upgradesAllowed = up.allowed();
        targetVersion = up.targetVersion();
    }

    /** What the list says of a profile's payloads: the enabled ones. */
    public String summary(ProfileView profile) {
        StringBuilder text = new StringBuilder();
        if (profile.isVmImageEnabled()) {
            text.append(Messages.text("profiles.vmImage"));
        }
        if (profile.isUpgradesEnabled()) {
            text.append(text.isEmpty() ? "" : ", ").append(Messages.text("profiles.upgrades"));
        }
        return text.isEmpty() ? Messages.text("profiles.noPayloads") : text.toString();
    }

    public boolean isNew() {
        return editedId == null;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isVmImageEnabled() {
        return vmImageEnabled;
    }

    public void setVmImageEnabled(boolean vmImageEnabled) {
        this.vmImageEnabled = vmImageEnabled;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public void setImageUrl(String imageUrl) {
        this.imageUrl = imageUrl;
    }

    public String getChecksum() {
        return checksum;
    }

    public void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public String getVmName() {
        return vmName;
    }

    public void setVmName(String vmName) {
        this.vmName = vmName;
    }

    public boolean isUpgradesEnabled() {
        return upgradesEnabled;
    }

    public void setUpgradesEnabled(boolean upgradesEnabled) {
        this.upgradesEnabled = upgradesEnabled;
    }

    public boolean isUpgradesAllowed() {
        return upgradesAllowed;
    }

    public void setUpgradesAllowed(boolean upgradesAllowed) {
        this.upgradesAllowed = upgradesAllowed;
    }

    public String getTargetVersion() {
        return targetVersion;
    }

    public void setTargetVersion(String targetVersion) {
        this.targetVersion = targetVersion;
    }
}
