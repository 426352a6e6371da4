package com.keyhold.web.api.admin;

/** What every admin API resource shares (CONTRACT section 6). */
public final class AdminApi {

    /** Selects the account the token's user acts in when they have several. */
    public static final String ACCOUNT_HEADER = "X-Account-Id";

    private AdminApi() {
    }
}
