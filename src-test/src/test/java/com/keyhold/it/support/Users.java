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

    /**
     * A second operator (an agent of the vendor's support) for the operator pages' browser tests, so that
     * they need not spend the bootstrap operator's one-time password, which SignUpAndSignInBrowserIT
     * proves. Keyhold has no interface that makes operators (SPEC O1: the bootstrap operator only), so
     * the fixture sets the flag in the database; users are not in the shared cache, so it counts at once.
     */
    public static String operator(String who) {
        String email = uniqueEmail(who);
        signUp(email);
        assertEquals(1, Rows.execute("UPDATE users SET operator = TRUE WHERE email = ?", email));
        return email;
    }

    /** Signs up a user and creates a personal API token for them through HTTP Basic. */
    public static String tokenFor(String email) {
        Http.Answer answer = Http.postJson("/api/v1/auth/tokens", "{\"name\":\"test\"}", "Authorization",
                Http.basic(email, PASSWORD));
        assertEquals(201, answer.status(), answer.body());
        return answer.json().getString("token");
    }
}
