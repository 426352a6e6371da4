package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;

/** Members of a business account, made the way real ones are: invited by email and joined through the link (SPEC A5). */
public final class Members {

    /** A member with a personal API token; every call names the account with {@code X-Account-Id}. */
    public record Member(String email, String userId, String token, String accountId) {

        public String[] headers() {
            return new String[] {"Authorization", Http.bearer(token), "X-Account-Id", accountId};
        }
    }

    private Members() {
    }

    /** The administrator of the business account, as a {@link Member}. */
    public static Member administrator(Accounts.Business account) {
        return new Member(null, null, account.token(), account.accountId());
    }

    /** Invites a new user by API, reads the emailed link and joins with it as a new user. */
    public static Member join(Accounts.Business account) {
        String email = Users.uniqueEmail("member");
        Http.Answer invited = Http.postJson("/api/v1/admin/members/invitations",
                "{\"emails\":[\"" + email + "\"],\"language\":\"EN\"}", administrator(account).headers());
        assertEquals(201, invited.status(), invited.body());
        String token = Mailbox.awaitTo(email, "invited").token("/join.xhtml");
        Http.Answer accepted = Http.postJson("/api/v1/invitations/acceptance", "{\"token\":\"" + token
                + "\",\"firstName\":\"Member\",\"lastName\":\"Test\",\"password\":\"" + Users.PASSWORD + "\"}");
        assertEquals(200, accepted.status(), accepted.body());
        assertEquals(account.accountId(), accepted.json().getString("accountId"));
        JsonObject listed = Http.get("/api/v1/admin/members?q=" + email, administrator(account).headers()).json()
                .getJsonArray("items").getJsonObject(0);
        return new Member(email, listed.getString("userId"), Users.tokenFor(email), account.accountId());
    }

    /** Sets a member's role (and a license administrator's keys) as an administrator would. */
    public static void setRole(Accounts.Business account, Member member, String role, String... keyIds) {
        StringBuilder keys = new StringBuilder("[");
        for (int i = 0; i < keyIds.length; i++) {
            keys.append(i == 0 ? "" : ",").append('"').append(keyIds[i]).append('"');
        }
        Http.Answer changed = Http.call("PATCH", "/api/v1/admin/members/" + member.userId(),
                "{\"role\":\"" + role + "\",\"keyIds\":" + keys.append(']') + "}", administrator(account).headers());
        assertEquals(200, changed.status(), changed.body());
    }
}
