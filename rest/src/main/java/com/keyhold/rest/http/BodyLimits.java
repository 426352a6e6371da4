package com.keyhold.rest.http;

/**
 * How many bytes a request body may have, per endpoint (issue 9, CONTRACT section 1:
 * {@code 413 PAYLOAD_TOO_LARGE}): 64 KB for JSON by default, 1 MB where a body carries many
 * items at once (bulk computer actions, invitations by the thousand) and for offline request files
 * (CONTRACT section 4: over 1 MB is 413), and SCIM groups, whose members an identity provider sends by
 * the thousand.
 */
public final class BodyLimits {

    public static final int DEFAULT_BYTES = 64 * 1024;
    public static final int BULK_BYTES = 1024 * 1024;

    private BodyLimits() {
    }

    /** The limit for a request to {@code mappedPath} (relative to the context root). */
    public static int forPath(String mappedPath) {
        if (mappedPath.startsWith("/api/v1/admin/tickets/") && mappedPath.endsWith("/attachments")) {
            return com.keyhold.support.SupportTickets.MAX_ATTACHMENT_BYTES; // T1: attachments of at most 10 MB
        }
        if (mappedPath.startsWith("/api/v1/operator/downloads/") && mappedPath.endsWith("/file")) {
            return com.keyhold.download.DownloadCatalog.MAX_FILE_BYTES; // T3: documents and small installers
        }
        if (mappedPath.startsWith("/api/v1/admin/computers/actions/")
                || mappedPath.startsWith("/api/v1/admin/members/invitations")
                || mappedPath.equals("/api/v1/admin/offline-requests")
                || (mappedPath.startsWith("/api/v1/admin/keys/") && mappedPath.endsWith("/invitations"))
                || mappedPath.startsWith("/scim/v2/Groups")) {
            return BULK_BYTES;
        }
        return DEFAULT_BYTES;
    }
}
