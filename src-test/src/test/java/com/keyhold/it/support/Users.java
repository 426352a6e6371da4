package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

/** Makes users through the public sign-up API, each with a unique email so tests never collide. */
public final class Users {

    public static final String PASSWORD = "correct horse battery";

    private Users() {
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Signs up a user and returns their id. */
    public static String signUp(String email) {
        Http.Answer answer = Http.postJson("/api/v1/users", "{\"email\":\"" + email
                + "\",\"firstName\":\"Test\",\"lastName\":\"User\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("id");
    }

    /** Signs up a user and creates a personal API token for them through HTTP Basic. */
    public static String tokenFor(String email) {
        Http.Answer answer = Http.postJson("/api/v1/auth/tokens", "{\"name\":\"test\"}", "Authorization",
                Http.basic(email, PASSWORD));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("token");
    }
}
