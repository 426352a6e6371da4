package com.keyhold.it.support;

import java.util.UUID;

/** A desktop client's calls (CONTRACT section 2). */
public final class Clients {

    private Clients() {
    }

    public static String newHardwareId() {
        return "HW-" + UUID.randomUUID();
    }

    public static Http.Answer activate(String key, String hardwareId) {
        return Http.postJson("/api/v1/client/activations", "{\"key\":\"" + key + "\",\"hardwareId\":\"" + hardwareId
                + "\",\"computerName\":\"Mac of " + hardwareId.substring(0, 8) + "\",\"serialNumber\":\"C02TEST\","
                + "\"macAddresses\":[\"3C:07:54:67:51:1E\"],\"ipAddresses\":[\"10.0.0.5\"],\"hostOs\":\"macOS 14.1\","
                + "\"appVersion\":\"19.1.0-54729\",\"userName\":\"appleseed\"}");
    }

    public static Http.Answer checkIn(String activationId, String token) {
        return Http.postJson("/api/v1/client/activations/" + activationId + "/check-in", "{\"appVersion\":\"19.2.0\"}",
                "Authorization", Http.bearer(token));
    }
}
