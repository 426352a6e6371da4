package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Configuration profiles made through the admin API (SPEC P1, CONTRACT section 6). */
public final class Profiles {

    /** A SHA-256 digest in hex, for VM image payloads. */
    public static final String CHECKSUM = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final Map<String, String> BY_ACCOUNT = new ConcurrentHashMap<>();

    private Profiles() {
    }

    /** The JSON of a profile with the VM image payload on and the upgrades payload off but filled in. */
    public static String body(String name) {
        return "{\"name\":\"" + name + "\",\"payloads\":{"
                + "\"vmImage\":{\"enabled\":true,\"imageUrl\":\"https://images.example.com/corp.pvmp\",\"checksum\":\""
                + CHECKSUM + "\",\"vmName\":\"Corporate VM\"},"
                + "\"upgrades\":{\"enabled\":false,\"allowed\":true,\"targetVersion\":\"20\"}}}";
    }

    /** Creates a profile as the member (an account administrator) and returns its JSON. */
    public static JsonObject create(Members.Member administrator, String name) {
        Http.Answer created = Http.postJson("/api/v1/admin/profiles", body(name), administrator.headers());
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    /** A new profile's id in the member's account, with a unique name. */
    public static String fresh(Members.Member administrator) {
        return create(administrator, "Profile " + UUID.randomUUID().toString().substring(0, 8)).getString("id");
    }

    /** One profile of the account, made once per test run (for the matrices). */
    public static String of(Members.Member administrator) {
        return BY_ACCOUNT.computeIfAbsent(administrator.accountId(), account -> fresh(administrator));
    }
}
