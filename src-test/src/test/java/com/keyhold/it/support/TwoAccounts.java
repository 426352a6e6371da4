package com.keyhold.it.support;

import jakarta.json.JsonObject;
import java.util.Map;

/**
 * The fixture of the tenancy and role matrices (SPEC A6, quality bar "Tenancy"): two business
 * accounts A and B, each with an administrator, a license administrator of one key, a regular
 * member, two keys, a computer on each key and a pending invitation. Built once per test run.
 */
public final class TwoAccounts {

    /** One account and the ids in it. */
    public record Side(Accounts.Business account, Members.Member administrator, Members.Member licenseAdministrator,
            Members.Member regularMember, String primaryKeyId, String secondKeyId, String computerOnPrimary,
            String computerOnSecond, String invitationId) {

        /** The members by role name, as the matrices name them. */
        public Map<String, Members.Member> byRole() {
            return Map.of("ACCOUNT_ADMINISTRATOR", administrator, "LICENSE_ADMINISTRATOR", licenseAdministrator,
                    "REGULAR_MEMBER", regularMember);
        }
    }

    private static volatile TwoAccounts instance;

    public final Side a;
    public final Side b;

    private TwoAccounts() {
        this.a = side();
        this.b = side();
    }

    public static synchronized TwoAccounts get() {
        if (instance == null) {
            instance = new TwoAccounts();
        }
        return instance;
    }

    /** A side of its own, for tests that change what they act on. */
    public static Side side() {
        Accounts.Business account = Accounts.withDesktopSubscription(20);
        JsonObject second = account.createKey("Second key", "RESERVED", 5);
        String primaryKeyId = Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys",
                        Members.administrator(account).headers()).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(k -> k.getString("type").equals("PRIMARY")).findFirst().orElseThrow()
                .getString("id");
        String onPrimary = Clients.activate(account.subscription().primaryKey(), Clients.newHardwareId()).json()
                .getString("activationId");
        String onSecond = Clients.activate(second.getString("key"), Clients.newHardwareId()).json().getString("activationId");
        Members.Member licenseAdministrator = Members.join(account);
        Members.setRole(account, licenseAdministrator, "LICENSE_ADMINISTRATOR", primaryKeyId);
        Members.Member regular = Members.join(account);
        String invitationId = Http.postJson("/api/v1/admin/members/invitations",
                        "{\"emails\":[\"" + Users.uniqueEmail("pending") + "\"],\"language\":\"DE\"}",
                        Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("id");
        return new Side(account, Members.administrator(account), licenseAdministrator, regular, primaryKeyId,
                second.getString("id"), onPrimary, onSecond, invitationId);
    }
}
