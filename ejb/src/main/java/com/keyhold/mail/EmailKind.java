package com.keyhold.mail;

/**
 * The emails Keyhold sends. Each names its template in {@code emails.properties} (subject and body,
 * {@link java.text.MessageFormat} patterns) and the arguments the template expects, in order.
 */
public enum EmailKind {
    /** {0} account name, {1} inviting administrator, {2} join link, {3} expiry date. */
    MEMBER_INVITATION("memberInvitation", 4, true),
    /** {0} account name. */
    MEMBERSHIP_BLOCKED("membershipBlocked", 1),
    /** {0} account name. */
    MEMBERSHIP_UNBLOCKED("membershipUnblocked", 1),
    /** {0} account name. */
    MEMBERSHIP_REMOVED("membershipRemoved", 1),
    /** {0} user's first name, {1} reset link, {2} minutes the link is valid. */
    PASSWORD_RESET("passwordReset", 3, true),
    /** {0} product name, {1} account name, {2} download link, {3} temporary activation code, {4} expiry (UTC). */
    INSTALL_INVITATION("installInvitation", 5, true),
    /** {0} first name, {1} subscription name, {2} account name, {3} end date, {4} days before the end (30, 7 or 1). */
    EXPIRY_WARNING("expiryWarning", 5),
    /** {0} first name, {1} proxy server name, {2} site code, {3} managed Macs reported, {4} the maximum, {5} account name (S6). */
    PROXY_OVER_LIMIT("proxyOverLimit", 6),
    /** {0} user's first name, {1} the new email address (sent to the old one, A9). */
    EMAIL_CHANGED("emailChanged", 2),
    /** {0} user's first name, {1} how many remember-me and API tokens were revoked. */
    PASSWORD_CHANGED("passwordChanged", 2),
    /** {0} first name, {1} ticket number, {2} subject, {3} what happened (a phrase in the language), {4} ticket link (T2). */
    TICKET_UPDATED("ticketUpdated", 5);

    private final String template;
    private final int arguments;
    private final boolean carriesSecret;

    EmailKind(String template, int arguments) {
        this(template, arguments, false);
    }

    EmailKind(String template, int arguments, boolean carriesSecret) {
        this.template = template;
        this.arguments = arguments;
        this.carriesSecret = carriesSecret;
    }

    /** Whether the body holds a one-time link: the outbox redacts it once sent or given up. */
    public boolean carriesSecret() {
        return carriesSecret;
    }

    public String template() {
        return template;
    }

    public int arguments() {
        return arguments;
    }
}
