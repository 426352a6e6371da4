package com.keyhold.rest.http;

import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The web module's security settings from MicroProfile Config (system properties or environment):
 * <ul>
 * <li>{@code keyhold.https-only}: cookies always {@code Secure} and HSTS sent, also when the
 * request reached Keyhold over plain HTTP (TLS ended at a proxy in front of it);</li>
 * <li>{@code keyhold.trusted-proxies}: comma-separated addresses of reverse proxies whose
 * {@code X-Forwarded-For} is believed;</li>
 * <li>{@code keyhold.benchmark.enabled}: the benchmark's yardstick endpoint answers (off by default).</li>
 * </ul>
 * Read at each use (a cheap map lookup), so a change of a system property applies without a redeploy.
 */
public final class WebSettings {

    private WebSettings() {
    }

    private static Config config() {
        return ConfigProvider.getConfig(WebSettings.class.getClassLoader());
    }

    public static boolean httpsOnly() {
        return config().getOptionalValue("keyhold.https-only", Boolean.class).orElse(false);
    }

    public static List<String> trustedProxies() {
        return config().getOptionalValue("keyhold.trusted-proxies", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public static boolean benchmarkEnabled() {
        return config().getOptionalValue("keyhold.benchmark.enabled", Boolean.class).orElse(false);
    }
}
