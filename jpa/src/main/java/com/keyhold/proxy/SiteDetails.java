package com.keyhold.proxy;

/**
 * What a proxy says about its SCCM site when it activates (SPEC S2), already validated by the
 * service (lengths as the columns of V12).
 */
public record SiteDetails(String serverName, String siteCode, String siteDescription, String appVersion) {
}
