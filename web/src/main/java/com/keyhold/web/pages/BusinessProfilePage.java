package com.keyhold.web.pages;

import com.keyhold.account.BulkOutcome;
import com.keyhold.account.BusinessProfile;
import com.keyhold.account.InvitationView;
import com.keyhold.account.MemberAction;
import com.keyhold.account.MemberCounts;
import com.keyhold.account.MemberInvitationService;
import com.keyhold.account.MemberRole;
import com.keyhold.account.MemberView;
import com.keyhold.account.MembershipService;
import com.keyhold.account.MembershipStatus;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.KeyView;
import com.keyhold.licensekey.LicenseKeyService;
import com.keyhold.user.Language;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The Business Profile page (SPEC A4, A5, A7, A8): the General tab (company box with Edit, the
 * viewer's membership with Leave This Business Account, the administrators) and, for administrators,
 * the Users tab (list with search, Role and Status filters with counts, sortable columns, row
 * selection for Block, Unblock and Remove at once, the membership dialog, Invite Users, the
 * invitations with Resend and Revoke). The services decide who may do what; the page only hides
 * what would be refused anyway. New texts come from the {@code biz} bundle.
 */
@Named
@ViewScoped
public class BusinessProfilePage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @EJB
    MembershipService memberships;

    @EJB
    MemberInvitationService invitations;

    @EJB
    LicenseKeyService licenseKeys;

    @Inject
    SessionUser currentUser;

    @Inject
    CurrentLocale currentLocale;

    private BusinessProfile profile;

    // the company dialog
    private final CompanyForm company = new CompanyForm();

    // the Users tab
    private String search;
    private MemberRole roleFilter;
    private MembershipStatus statusFilter;
    private List<MemberView> members;
    private List<InvitationView> invitationList;
    private Integer userCount;
    private MemberCounts counts;

    // row selection and the bulk actions' confirmation
    private List<MemberView> selectedMembers = new ArrayList<>();
    private MemberAction bulkAction;

    // the membership dialog
    private MemberView selected;
    private MemberRole memberRole;
    private List<String> memberKeyIds = new ArrayList<>();
    private String memberNotes;
    private transient List<KeyView> keys;

    // the Invite Users dialog
    private List<String> inviteEmails = new ArrayList<>();
    private Language inviteLanguage;

    /**
     * The account this view was opened for. Kept for the life of the view, so that a dialog's action
     * still applies to the account it was opened in when another tab switches the selected account.
     */
    private String accountId;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
        try {
            profile = memberships.profile(userId(), accountId());
        } catch (KeyholdException refused) {
            profile = null;
        }
    }

    private String userId() {
        return currentUser.getUserId();
    }

    private String accountId() {
        return accountId;
    }

    public BusinessProfile getProfile() {
        return profile;
    }

    public boolean isAdministrator() {
        return profile != null && profile.isAdministrator();
    }

    // --- General tab

    public void editCompany() {
        company.fill(profile.getCompanyName(), profile.getCountry(), profile.getZip(), profile.getPhone(), profile.getStreet(),
                profile.getCity(), profile.getState());
    }

    public void saveCompany() {
        try {
            profile = memberships.updateCompany(userId(), accountId(),
                    company.toDetails());
            Messages.info("business.companySaved");
            PrimeFaces.current().executeScript("PF('companyDialog').hide()");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public String leave() {
        try {
            memberships.leave(userId(), profile.getAccountId());
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        Messages.info("business.left");
        return "/app/dashboard.xhtml?faces-redirect=true";
    }

    // --- Users tab

    public List<MemberView> getMembers() {
        if (members == null && isAdministrator()) {
            try {
                // a list the table may sort in place
                members = new ArrayList<>(memberships.members(userId(), accountId(), search, roleFilter, statusFilter));
            } catch (KeyholdException refused) {
                members = List.of();
                Messages.error(refused);
            }
        }
        return members == null ? List.of() : members;
    }

    /** How many members the account has, whatever the filters: the Users tab's title, as in the seed's "Users (2)". */
    public int getUserCount() {
        if (userCount == null) {
            boolean filtered = (search != null && !search.isBlank()) || roleFilter != null || statusFilter != null;
            try {
                userCount = !isAdministrator() ? 0
                        : filtered ? memberships.members(userId(), accountId(), null, null, null).size() : getMembers().size();
            } catch (KeyholdException refused) {
                userCount = 0;
            }
        }
        return userCount;
    }

    public void filter() {
        members = null;
        counts = null;
        selectedMembers = new ArrayList<>();
    }

    /** The numbers in the Role and Status filter menus, as the seed's "Administrator (3)". */
    public MemberCounts getCounts() {
        if (counts == null) {
            try {
                counts = isAdministrator() ? memberships.counts(userId(), accountId(), search, roleFilter, statusFilter)
                        : new MemberCounts(Map.of(), Map.of());
            } catch (KeyholdException refused) {
                counts = new MemberCounts(Map.of(), Map.of());
            }
        }
        return counts;
    }

    // --- the bulk actions on the selected members (A7, A8)

    /**
     * Block, Unblock or Remove above the list: asks first, in a dialog that says how many members are
     * selected and what happens to those the rules protect.
     */
    public void prepareBulk(String action) {
        bulkAction = MemberAction.valueOf(action);
        if (selectedMembers == null || selectedMembers.isEmpty()) {
            say(FacesMessage.SEVERITY_WARN, biz("bulk.nothingSelected"));
            return;
        }
        PrimeFaces.current().ajax().update("bulkDialog");
        PrimeFaces.current().executeScript("PF('bulkDialog').show()");
    }

    /** The confirmation's question: the action and how many members it is for. */
    public String getBulkQuestion() {
        return bulkAction == null ? "" : biz("bulk.confirm." + bulkAction, selectedMembers.size());
    }

    public String getBulkHeader() {
        return bulkAction == null ? "" : biz("bulk.header." + bulkAction);
    }

    public String getBulkButton() {
        return bulkAction == null ? "" : biz("bulk.button." + bulkAction, selectedMembers.size());
    }

    /**
     * Yes in the confirmation: the service changes every selected member the rules allow and leaves
     * the others (the administrator acting, the last active account administrator), each of which is
     * then listed with the reason.
     */
    public void applyBulk() {
        if (bulkAction == null || selectedMembers.isEmpty()) {
            return;
        }
        BulkOutcome outcome;
        try {
            outcome = memberships.bulk(userId(), accountId(), bulkAction,
                    selectedMembers.stream().map(MemberView::getUserId).toList());
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return;
        }
        say(outcome.changed().isEmpty() ? FacesMessage.SEVERITY_WARN : FacesMessage.SEVERITY_INFO,
                biz("bulk.done." + bulkAction, outcome.changed().size()));
        if (!outcome.unchanged().isEmpty()) {
            say(FacesMessage.SEVERITY_INFO, biz("bulk.unchanged." + bulkAction, outcome.unchanged().size()));
        }
        for (BulkOutcome.Refusal refusal : outcome.refused()) {
            String who = refusal.displayName() == null ? refusal.userId() : refusal.displayName() + " (" + refusal.email() + ")";
            say(FacesMessage.SEVERITY_WARN, biz("bulk.refused." + bulkAction, who, biz("bulk.reason." + refusal.reason())));
        }
        selectedMembers = new ArrayList<>();
        members = null;
        counts = null;
        userCount = null;
        selected = null;
        reloadProfile();
        PrimeFaces.current().executeScript("PF('bulkDialog').hide()");
    }

    public List<MemberView> getSelectedMembers() {
        return selectedMembers;
    }

    public void setSelectedMembers(List<MemberView> selectedMembers) {
        this.selectedMembers = selectedMembers == null ? new ArrayList<>() : new ArrayList<>(selectedMembers);
    }

    public MemberAction getBulkAction() {
        return bulkAction;
    }

    public List<InvitationView> getInvitations() {
        if (invitationList == null && isAdministrator()) {
            try {
                invitationList = invitations.invitations(userId(), accountId());
            } catch (KeyholdException refused) {
                invitationList = List.of();
            }
        }
        return invitationList == null ? List.of() : invitationList;
    }

    public void revoke(String invitationId) {
        try {
            invitations.revoke(userId(), accountId(), invitationId);
            invitationList = null;
            Messages.info("business.invitationRevoked");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    /**
     * Resend (A5): a new email with a new link and a new expiry; the earlier link stops working, as
     * only the newest email should let someone in.
     */
    public void resend(String invitationId) {
        try {
            InvitationView sent = invitations.resend(userId(), accountId(), invitationId);
            invitationList = null;
            say(FacesMessage.SEVERITY_INFO, biz("invitation.resent", sent.getEmail()));
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    public void prepareInvite() {
        inviteEmails = new ArrayList<>();
        inviteLanguage = Language.fromTag(currentLocale.getLocale().toLanguageTag());
    }

    /**
     * Send Invitations: the addresses typed as chips, in one call of the service, which invites all or
     * none (an invalid address is refused with its reason and stays marked on the list).
     */
    public void invite() {
        try {
            List<InvitationView> sent = invitations.invite(userId(), accountId(), inviteEmails, inviteLanguage, null, null);
            invitationList = null;
            inviteEmails = new ArrayList<>();
            Messages.info("business.invited", sent.size());
            PrimeFaces.current().executeScript("PF('inviteDialog').hide()");
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    // --- the membership dialog

    public void open(String memberUserId) {
        try {
            selected = memberships.member(userId(), accountId(), memberUserId);
            memberRole = selected.getRole();
            memberKeyIds = new ArrayList<>(selected.getKeyIds());
            memberNotes = selected.getNotes();
        } catch (KeyholdException refused) {
            selected = null;
            Messages.error(refused);
        }
    }

    public void saveMember() {
        List<String> keyIds = memberRole == MemberRole.LICENSE_ADMINISTRATOR ? memberKeyIds : List.of();
        apply(() -> memberships.change(userId(), accountId(), selected.getUserId(), memberRole, keyIds,
                memberNotes == null ? "" : memberNotes), "business.memberSaved");
    }

    public void block() {
        apply(() -> memberships.block(userId(), accountId(), selected.getUserId()), "business.memberBlocked");
    }

    public void unblock() {
        apply(() -> memberships.unblock(userId(), accountId(), selected.getUserId()), "business.memberUnblocked");
    }

    public String removeMember() {
        try {
            memberships.remove(userId(), accountId(), selected.getUserId());
        } catch (KeyholdException refused) {
            Messages.error(refused);
            return null;
        }
        selected = null;
        members = null;
        counts = null;
        userCount = null;
        reloadProfile();
        Messages.info("business.memberRemoved");
        PrimeFaces.current().executeScript("PF('memberDialog').hide()");
        return null;
    }

    private void apply(java.util.function.Supplier<MemberView> action, String messageKey) {
        try {
            selected = action.get();
            memberRole = selected.getRole();
            memberKeyIds = new ArrayList<>(selected.getKeyIds());
            memberNotes = selected.getNotes();
            members = null;
            counts = null;
            reloadProfile();
            Messages.info(messageKey);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        }
    }

    private void reloadProfile() {
        try {
            profile = memberships.profile(userId(), accountId());
        } catch (KeyholdException refused) {
            // the viewer may just have lost access; the next page load tells them
        }
    }

    /** Keys an administrator can grant: every key of the account. */
    public List<KeyView> getKeys() {
        if (keys == null) {
            try {
                keys = isAdministrator() ? licenseKeys.managedKeys(userId(), accountId(), null) : List.of();
            } catch (KeyholdException refused) {
                keys = List.of();
            }
        }
        return keys;
    }

    /** The names of a member's keys, for the list. */
    public String keyNames(List<String> keyIds) {
        if (keyIds == null || keyIds.isEmpty()) {
            return "";
        }
        Map<String, String> names = getKeys().stream().collect(Collectors.toMap(KeyView::getId, KeyView::getName, (a, b) -> a));
        return keyIds.stream().map(id -> names.getOrDefault(id, id)).collect(Collectors.joining(", "));
    }

    /** The key an invitation makes its invitee administer, if any. */
    public String keyName(String keyId) {
        return keyId == null ? "" : keyNames(List.of(keyId));
    }

    /** A text of the {@code biz} bundle; with arguments, a {@link MessageFormat} pattern in the page's language. */
    private static String biz(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "biz");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, faces.getViewRoot().getLocale()).format(arguments);
    }

    private static void say(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** A day as pages show it (UTC). */
    public String date(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    public MemberRole[] getRoles() {
        return MemberRole.values();
    }

    public MembershipStatus[] getStatuses() {
        return MembershipStatus.values();
    }

    public Language[] getLanguages() {
        return Language.values();
    }

    public boolean isLicenseAdministratorChosen() {
        return memberRole == MemberRole.LICENSE_ADMINISTRATOR;
    }

    public boolean isSelectedIsMe() {
        return selected != null && selected.getUserId().equals(userId());
    }

    // --- properties

    public MemberView getSelected() {
        return selected;
    }

    public MemberRole getMemberRole() {
        return memberRole;
    }

    public void setMemberRole(MemberRole memberRole) {
        this.memberRole = memberRole;
    }

    public List<String> getMemberKeyIds() {
        return memberKeyIds;
    }

    public void setMemberKeyIds(List<String> memberKeyIds) {
        this.memberKeyIds = memberKeyIds == null ? new ArrayList<>() : new ArrayList<>(memberKeyIds);
    }

    public String getMemberNotes() {
        return memberNotes;
    }

    public void setMemberNotes(String memberNotes) {
        this.memberNotes = memberNotes;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public MemberRole getRoleFilter() {
        return roleFilter;
    }

    public void setRoleFilter(MemberRole roleFilter) {
        this.roleFilter = roleFilter;
    }

    public MembershipStatus getStatusFilter() {
        return statusFilter;
    }

    public void setStatusFilter(MembershipStatus statusFilter) {
        this.statusFilter = statusFilter;
    }

    public List<String> getInviteEmails() {
        return inviteEmails;
    }

    public void setInviteEmails(List<String> inviteEmails) {
        this.inviteEmails = inviteEmails == null ? new ArrayList<>() : new ArrayList<>(inviteEmails);
    }

    public Language getInviteLanguage() {
        return inviteLanguage;
    }

    public void setInviteLanguage(Language inviteLanguage) {
        this.inviteLanguage = inviteLanguage;
    }

    public CompanyForm getCompany() {
        return company;
    }
}
