package com.keyhold.subscription;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The one "Expiring soon" window (SPEC L3) for every list that filters by it: subscriptions, computers
 * and proxy servers, from the setting {@code keyhold.expiring-soon-days} (30 days when unset).
 */
public final class ExpiringSoon {

    private ExpiringSoon() {
    }

    public static int days() {
        return ConfigProvider.getConfig().getOptionalValue("keyhold.expiring-soon-days", Integer.class)
                .orElse(SubscriptionStatus.DEFAULT_EXPIRING_SOON_DAYS);
    }
}
