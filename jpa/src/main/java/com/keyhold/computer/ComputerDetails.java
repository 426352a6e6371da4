package com.keyhold.computer;

/** What a client reports about its computer at activation (CONTRACT section 2); lists are comma-separated. */
public record ComputerDetails(String computerName, String serialNumber, String macAddresses, String ipAddresses,
        String hostOs, String appVersion, String userName) {
}
