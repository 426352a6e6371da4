package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * An administrator who signs in through the browser: a user signed up through the API in a chosen
 * language, with an API token, who registered a new desktop subscription and so administers a new
 * business account (SPEC A2). Browser tests need the email, which {@link Accounts} does not keep.
 */
public final class BusinessAdmins {

    /** The administrator, their account and its subscription. */
    public record Admin(String email, String token, String accountId, String company, Subscriptions.Issued subscription) {

        public String bearer() {
            return Http.bearer(token);
        }

        /** The id of the subscription's primary key. */
        public String primaryKeyId() {
            return keys().stream().filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow().getString("id");
        }

        /** The subscription's keys as the admin API lists them (CONTRACT section 6). */
        public java.util.List<JsonObject> keys() {
            Http.Answer answer = Http.get("/api/v1/admin/subscriptions/" + subscription.id() + "/keys", "Authorization", bearer());
            assertEquals(200, answer.status(), answer.body());
            return answer.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        }

        /** Creates an additional key and returns its JSON. */
        public JsonObject createKey(String name, String type, int quota) {
            Http.Answer answer = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                    "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"quota\":" + quota + "}", "Authorization", bearer());
            assertEquals(201, answer.status(), answer.body());
            return answer.json();
        }
    }

    private BusinessAdmins() {
    }

    /**
     * @param who a word for the email, so a failing test's data can be found
     * @param language {@code EN} or {@code DE}: the language pages and emails speak to them (A1)
     */
    public static Admin withDesktopSubscription(String who, String language, int seats) {
        String email = Users.uniqueEmail(who);
        Http.Answer signedUp = Http.postJson("/api/v1/users", "{\"email\":\"" + email + "\",\"firstName\":\"Ada\","
                + "\"lastName\":\"Admin\",\"password\":\"" + Users.PASSWORD + "\",\"language\":\"" + language + "\"}");
        assertEquals(201, signedUp.status(), signedUp.body());
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(seats);
        String company = "Chips Co " + email.substring(email.indexOf('-') + 1, email.indexOf('-') + 9);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"name\":\"Desktop " + seats + " seats\",\"company\":{\"name\":\"" + company
                + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}", "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Admin(email, token, registered.json().getString("accountId"), company, subscription);
    }
}
