package com.keyhold.profile;

import com.keyhold.common.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of a configuration profile's content (SPEC P1, P2), plain Java: what a valid profile
 * holds, and what a client receives of it (CONTRACT section 2):
 * {@code {"name", "payloads": [{"type": "VM_IMAGE", "imageUrl", "checksum", "vmName"},
 * {"type": "UPGRADES", "allowed", "targetVersion"}]}}, enabled payloads only, in that order.
 *
 * <p>The rendering is deterministic (same profile, same characters): the check-in compares it, as
 * part of the certificate's state ({@code CertificateState}), with what the stored certificate was
 * signed with, so a changed profile or a key's new profile is a change of state and the next
 * check-in signs a new certificate.
 */
public final class ProfilePayloads {

    /** The built-in profile of keys without one (SPEC P2). */
    public static final String DEFAULT_NAME = "Default";

    /** What clients receive for the built-in Default: no payloads. */
    public static final String DEFAULT_JSON = "{\"name\":\"Default\",\"payloads\":[]}";

    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 2000;
    public static final int MAX_VM_NAME = 200;
    public static final int MAX_VERSION = 50;

    /** A SHA-256 digest in hex, optionally written with its algorithm: {@code sha256:...}. */
    private static final Pattern CHECKSUM = Pattern.compile("(sha256:)?[0-9a-f]{64}");
    /** A version as the product numbers them: {@code 20}, {@code 20.1}, {@code 19.1.0-54729}. */
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,6}){0,3}(-[0-9]{1,10})?");

    private ProfilePayloads() {
    }

    /** The draft with its texts trimmed, blanks as null and the checksum in lower case. */
    public static ProfileDraft normalize(ProfileDraft draft) {
        VmImagePayload vm = draft.vmImage();
        UpgradesPayload up = draft.upgrades();
        String checksum = text(vm.checksum());
        return new ProfileDraft(text(draft.name()),
                new VmImagePayload(vm.enabled(), text(vm.imageUrl()), checksum == null ? null : checksum.toLowerCase(Locale.ROOT),
                        text(vm.vmName())),
                new UpgradesPayload(up.enabled(), up.allowed(), text(up.targetVersion())));
    }

    /**
     * Every violation of a normalized draft. An enabled payload must be complete; a disabled one
     * keeps whatever settings it has, checked only for length, so an administrator can switch a
     * half-made payload off and finish it later.
     */
    public static List<Violation> violations(ProfileDraft draft) {
        List<Violation> found = new ArrayList<>();
        if (draft.name() == null) {
            found.add(new Violation("name", "is required"));
        } else if (draft.name().length() > MAX_NAME) {
            found.add(new Violation("name", "must be at most " + MAX_NAME + " characters"));
        } else if (draft.name().equalsIgnoreCase(DEFAULT_NAME)) {
            found.add(new Violation("name", "\"Default\" is the built-in profile"));
        }
        VmImagePayload vm = draft.vmImage();
        tooLong(found, "payloads.vmImage.imageUrl", vm.imageUrl(), MAX_URL);
        tooLong(found, "payloads.vmImage.vmName", vm.vmName(), MAX_VM_NAME);
        tooLong(found, "payloads.vmImage.checksum", vm.checksum(), 200);
        if (vm.enabled()) {
            if (vm.imageUrl() == null) {
                found.add(new Violation("payloads.vmImage.imageUrl", "is required when the payload is enabled"));
            } else if (vm.imageUrl().length() <= MAX_URL && !isHttpUrl(vm.imageUrl())) {
                found.add(new Violation("payloads.vmImage.imageUrl", "must be an http or https URL"));
            }
            if (vm.checksum() == null) {
                found.add(new Violation("payloads.vmImage.checksum", "is required when the payload is enabled"));
            } else if (!CHECKSUM.matcher(vm.checksum()).matches()) {
                found.add(new Violation("payloads.vmImage.checksum", "must be a SHA-256 digest: 64 hex digits"));
            }
        }
        UpgradesPayload up = draft.upgrades();
        tooLong(found, "payloads.upgrades.targetVersion", up.targetVersion(), MAX_VERSION);
        if (up.enabled() && up.allowed()) {
            if (up.targetVersion() == null) {
                found.add(new Violation("payloads.upgrades.targetVersion", "is required when upgrades are allowed"));
            } else if (up.targetVersion().length() <= MAX_VERSION && !VERSION.matcher(up.targetVersion()).matches()) {
                found.add(new Violation("payloads.upgrades.targetVersion", "must be a version such as 20 or 20.1.0"));
            }
        }
        return found;
    }

    /** What clients receive for a key with this profile; null is the built-in Default. */
    public static String clientJson(String name, VmImagePayload vmImage, UpgradesPayload upgrades) {
        if (name == null) {
            return DEFAULT_JSON;
        }
        StringBuilder json = new StringBuilder("{\"name\":").append(quote(name)).append(",\"payloads\":[");
        boolean first = true;
        if (vmImage != null && vmImage.enabled()) {
            json.append("{\"type\":\"VM_IMAGE\",\"imageUrl\":").append(quote(vmImage.imageUrl()))
                    .append(",\"checksum\":").append(quote(vmImage.checksum()))
                    .append(",\"vmName\":").append(quote(vmImage.vmName())).append('}');
            first = false;
        }
        if (upgrades != null && upgrades.enabled()) {
            json.append(first ? "" : ",").append("{\"type\":\"UPGRADES\",\"allowed\":").append(upgrades.allowed())
                    .append(",\"targetVersion\":").append(upgrades.allowed() ? quote(upgrades.targetVersion()) : "null")
                    .append('}');
        }
        return json.append("]}").toString();
    }

    /** What clients receive for a key with this profile; null is the built-in Default. */
    public static String clientJson(ConfigurationProfile profile) {
        return profile == null ? DEFAULT_JSON : clientJson(profile.getName(), profile.getVmImage(), profile.getUpgrades());
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void tooLong(List<Violation> found, String field, String value, int max) {
        if (value != null && value.length() > max) {
            found.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A JSON string (RFC 8259), or null. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
