package com.keyhold.computer;

import java.util.List;

/**
 * A client's activation call (CONTRACT section 2): {@code key} and {@code hardwareId} are required,
 * or, on a corporate subscription (SPEC O2), {@code idToken} instead of {@code key}.
 */
public record ActivationRequest(String key, String hardwareId, String computerName, String serialNumber,
        List<String> macAddresses, List<String> ipAddresses, String hostOs, String appVersion, String userName,
        String idToken) {

    ComputerDetails details() {
        return new ComputerDetails(computerName, serialNumber, join(macAddresses), join(ipAddresses), hostOs,
                appVersion, userName);
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null
                : String.join(",", values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList());
    }
}
