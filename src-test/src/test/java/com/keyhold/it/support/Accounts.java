package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/**
 * A business account with a registered subscription and an administrator's API token: the usual
 * starting point of the admin API tests (CONTRACT section 6).
 */
public final class Accounts {

    /** What a test needs of such an account. */
    public record Business(String token, String accountId, Subscriptions.Issued subscription) {

        public String bearer() {
            return Http.bearer(token);
        }

        /** Creates an additional key and returns its JSON (CONTRACT section 6). */
        public JsonObject createKey(String name, String type, int quota) {
            Http.Answer answer = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                    "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"quota\":" + quota + "}", "Authorization", bearer());
            assertEquals(201, answer.status(), answer.body());
            return answer.json();
        }

        public Http.Answer action(String action, String json) {
            return Http.postJson("/api/v1/admin/computers/actions/" + action, json, "Authorization", bearer());
        }

        public Http.Answer computers(String query) {
            return Http.get("/api/v1/admin/computers" + query, "Authorization", bearer());
        }

        /** One computer of the account (CONTRACT section 6). */
        public JsonObject computer(String id) {
            Http.Answer answer = Http.get("/api/v1/admin/computers/" + id, "Authorization", bearer());
            assertEquals(200, answer.status(), answer.body());
            return answer.json();
        }
    }

    private Accounts() {
    }

    public static Business withDesktopSubscription(int seats) {
        String email = Users.uniqueEmail("admin");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(seats);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme " + email.substring(6, 14) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Business(token, registered.json().getString("accountId"), subscription);
    }
}
