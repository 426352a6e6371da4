package com.keyhold.activity;

import java.util.List;

/**
 * The actions the activity log records: stable upper-case dotted names that scripts filter by
 * ({@code action=KEY.CREATED}, or a family: {@code action=KEY.*}). A name, once used, never changes
 * meaning; new actions add names.
 */
public final class ActivityActions {

    public static final String SUBSCRIPTION_ISSUED = "SUBSCRIPTION.ISSUED";
    public static final String SUBSCRIPTION_RENEWED = "SUBSCRIPTION.RENEWED";
    public static final String SUBSCRIPTION_SEATS_CHANGED = "SUBSCRIPTION.SEATS_CHANGED";
    public static final String SUBSCRIPTION_REGISTERED = "SUBSCRIPTION.REGISTERED";
    public static final String PRODUCT_DEFINED = "PRODUCT.DEFINED";
    /** An operator drained the server before a planned restart, or resumed it (issue 14). */
    public static final String SERVER_DRAINED = "SERVER.DRAINED";
    public static final String SERVER_RESUMED = "SERVER.RESUMED";
    public static final String KEY_CREATED = "KEY.CREATED";
    public static final String KEY_CHANGED = "KEY.CHANGED";
    public static final String KEY_DELETED = "KEY.DELETED";
    public static final String KEY_REVEALED = "KEY.REVEALED";
    public static final String COMPUTER_DEACTIVATED = "COMPUTER.DEACTIVATED";
    public static final String COMPUTER_BLACKLISTED = "COMPUTER.BLACKLISTED";
    public static final String COMPUTER_UNBLACKLISTED = "COMPUTER.UNBLACKLISTED";
    public static final String COMPUTER_MOVED = "COMPUTER.MOVED";
    public static final String COMPUTER_EDITED = "COMPUTER.EDITED";
    public static final String MEMBER_ROLE_CHANGED = "MEMBER.ROLE_CHANGED";
    public static final String MEMBER_NOTES_CHANGED = "MEMBER.NOTES_CHANGED";
    public static final String MEMBER_BLOCKED = "MEMBER.BLOCKED";
    public static final String MEMBER_UNBLOCKED = "MEMBER.UNBLOCKED";
    public static final String MEMBER_REMOVED = "MEMBER.REMOVED";
    public static final String MEMBER_LEFT = "MEMBER.LEFT";
    public static final String MEMBER_INVITED = "MEMBER.INVITED";
    public static final String MEMBER_INVITATION_RESENT = "MEMBER.INVITATION_RESENT";
    public static final String MEMBER_INVITATION_REVOKED = "MEMBER.INVITATION_REVOKED";
    public static final String MEMBER_JOINED = "MEMBER.JOINED";
    public static final String ACCOUNT_COMPANY_CHANGED = "ACCOUNT.COMPANY_CHANGED";
    public static final String PROFILE_CREATED = "PROFILE.CREATED";
    public static final String PROFILE_CHANGED = "PROFILE.CHANGED";
    public static final String PROFILE_DELETED = "PROFILE.DELETED";
    public static final String INSTALL_INVITED = "INSTALL.INVITED";
    public static final String INSTALL_INVITATION_REVOKED = "INSTALL.INVITATION_REVOKED";
    public static final String INSTALL_INVITATION_RESENT = "INSTALL.INVITATION_RESENT";
    public static final String PROXY_ACTIVATED = "PROXY.ACTIVATED";
    public static final String PROXY_DEACTIVATED = "PROXY.DEACTIVATED";
    public static final String PROXY_RELEASED = "PROXY.RELEASED";
    public static final String PROXY_NOTES_CHANGED = "PROXY.NOTES_CHANGED";
    public static final String OFFLINE_REQUEST_HONOURED = "OFFLINE.REQUEST_HONOURED";
    public static final String ACCOUNT_OFFLINE_OPERATIONS_CHANGED = "ACCOUNT.OFFLINE_OPERATIONS_CHANGED";
    public static final String IDENTITY_PROVIDER_CONFIGURED = "IDENTITY_PROVIDER.CONFIGURED";
    public static final String IDENTITY_PROVIDER_REMOVED = "IDENTITY_PROVIDER.REMOVED";
    public static final String SCIM_TOKEN_CREATED = "SCIM_TOKEN.CREATED";
    public static final String SCIM_TOKEN_REVOKED = "SCIM_TOKEN.REVOKED";
    public static final String SCIM_USER_PROVISIONED = "SCIM_USER.PROVISIONED";
    public static final String SCIM_USER_DEPROVISIONED = "SCIM_USER.DEPROVISIONED";
    public static final String SCIM_USER_DELETED = "SCIM_USER.DELETED";
    public static final String SCIM_GROUP_MEMBERS_REMOVED = "SCIM_GROUP.MEMBERS_REMOVED";
    public static final String COMPUTERS_REVOKED_INACTIVE = "COMPUTER.REVOKED_INACTIVE";
    public static final String DOWNLOAD_PUBLISHED = "DOWNLOAD.PUBLISHED";
    public static final String DOWNLOAD_REMOVED = "DOWNLOAD.REMOVED";
    public static final String TICKET_CREATED = "TICKET.CREATED";
    public static final String TICKET_CLOSED = "TICKET.CLOSED";
    public static final String TICKET_REOPENED = "TICKET.REOPENED";
    public static final String TICKET_WATCHER_ADDED = "TICKET.WATCHER_ADDED";
    public static final String TICKET_WATCHER_REMOVED = "TICKET.WATCHER_REMOVED";
    public static final String TICKET_ANSWERED = "TICKET.ANSWERED";
    public static final String TICKET_STATUS_CHANGED = "TICKET.STATUS_CHANGED";
    public static final String KB_CHANGED = "KB.CHANGED";
    public static final String TICKET_ATTACHED = "TICKET.ATTACHED";

    /** Every action, for the Activity page's filter. */
    public static final List<String> ALL = List.of(SUBSCRIPTION_ISSUED, SUBSCRIPTION_RENEWED, SUBSCRIPTION_SEATS_CHANGED,
            SUBSCRIPTION_REGISTERED, PRODUCT_DEFINED, KEY_CREATED, KEY_CHANGED, KEY_DELETED, KEY_REVEALED, COMPUTER_DEACTIVATED,
            COMPUTER_BLACKLISTED, COMPUTER_UNBLACKLISTED, COMPUTER_MOVED, COMPUTER_EDITED, MEMBER_ROLE_CHANGED,
            MEMBER_NOTES_CHANGED, MEMBER_BLOCKED, MEMBER_UNBLOCKED, MEMBER_REMOVED, MEMBER_LEFT, MEMBER_INVITED, MEMBER_INVITATION_RESENT,
            MEMBER_INVITATION_REVOKED, MEMBER_JOINED, ACCOUNT_COMPANY_CHANGED, INSTALL_INVITED, INSTALL_INVITATION_REVOKED,
            INSTALL_INVITATION_RESENT, PROFILE_CREATED, PROFILE_CHANGED, PROFILE_DELETED, PROXY_ACTIVATED, PROXY_DEACTIVATED,
            PROXY_RELEASED, PROXY_NOTES_CHANGED, OFFLINE_REQUEST_HONOURED, ACCOUNT_OFFLINE_OPERATIONS_CHANGED, SERVER_DRAINED,
            SERVER_RESUMED, IDENTITY_PROVIDER_CONFIGURED, IDENTITY_PROVIDER_REMOVED, SCIM_TOKEN_CREATED, SCIM_TOKEN_REVOKED,
            SCIM_USER_PROVISIONED, SCIM_USER_DEPROVISIONED, SCIM_USER_DELETED, SCIM_GROUP_MEMBERS_REMOVED,
            COMPUTERS_REVOKED_INACTIVE, DOWNLOAD_PUBLISHED, DOWNLOAD_REMOVED,
            TICKET_CREATED, TICKET_CLOSED, TICKET_REOPENED, TICKET_WATCHER_ADDED, TICKET_WATCHER_REMOVED, TICKET_ANSWERED,
            TICKET_STATUS_CHANGED, KB_CHANGED, TICKET_ATTACHED);

    /** What an entry names as its object. */
    public static final String SUBSCRIPTION = "Subscription";
    public static final String PRODUCT = "Product";
    public static final String LICENSE_KEY = "LicenseKey";
    public static final String COMPUTER = "Computer";
    public static final String MEMBER = "Member";
    public static final String INVITATION = "Invitation";
    public static final String ACCOUNT = "Account";
    public static final String CONFIGURATION_PROFILE = "ConfigurationProfile";
    public static final String PROXY_SERVER = "ProxyServer";
    public static final String IDENTITY_PROVIDER = "IdentityProvider";
    public static final String SCIM_TOKEN = "ScimToken";
    public static final String SCIM_USER = "ScimUser";
    public static final String SCIM_GROUP = "ScimGroup";
    public static final String DOWNLOAD = "Download";
    public static final String TICKET = "Ticket";
    public static final String KB = "KnowledgeBase";

    private ActivityActions() {
    }
}
