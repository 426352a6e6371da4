package com.keyhold.mail;

/**
 * The emails Keyhold sends. Each names its template in {@code emails.properties} (subject and body,
 * {@link java.text.MessageFormat} patterns) and the arguments the template expects, in order.
 */
public enum EmailKind {
    /** {0} account name, {1} inviting administrator, {2} join link, {3} expiry date. */
    MEMBER_INVITATION("memberInvitation", 4),
    /** {0} account name. */
    MEMBERSHIP_BLOCKED("membershipBlocked", 1),
    /** {0} account name. */
    MEMBERSHIP_UNBLOCKED("membershipUnblocked", 1),
    /** {0} account name. */
    MEMBERSHIP_REMOVED("membershipRemoved", 1),
    /** {0} user's first name, {1} reset link, {2} minutes the link is valid. */
    PASSWORD_RESET("passwordReset", 3);

    private final String template;
    private final int arguments;

    EmailKind(String template, int arguments) {
        this.template = template;
        this.arguments = arguments;
    }

    public String template() {
        return template;
    }

    public int arguments() {
        return arguments;
    }
}
