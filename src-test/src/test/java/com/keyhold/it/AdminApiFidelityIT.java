package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Admin API behaviour the portal review of issue 12 found missing (CONTRACT section 6; SPEC L2, L3). */
@KeyholdIntegrationTest
class AdminApiFidelityIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String COMPANY = "\"company\":{\"name\":\"Personal Choice Ltd\",\"country\":\"GB\",\"zip\":\"SW1\",\"phone\":\"+44 20 1\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    /** CONTRACT 6: with the personal account's id in X-Account-Id, a business key creates the business account as without it (L2). */
    @Test
    void choosingThePersonalAccountRegistersABusinessKeyAsWithoutTheHeader_L2() {
        String email = Users.uniqueEmail("personal-header");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        List<JsonObject> accounts = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
        assertEquals(1, accounts.size(), accounts.toString());
        String personal = accounts.get(0).getString("id");
        Subscriptions.Issued business = Subscriptions.desktop(5);

        Http.Answer withoutCompany = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + business.primaryKey() + "\"}",
                "Authorization", Http.bearer(token), "X-Account-Id", personal);
        assertEquals(400, withoutCompany.status(), "a new business account needs its company, as without the header: "
                + withoutCompany.body());

        Http.Answer registered = Http.postJson("/api/v1/admin/registrations",
                "{\"key\":\"" + business.primaryKey() + "\"," + COMPANY + "}",
                "Authorization", Http.bearer(token), "X-Account-Id", personal);
        assertEquals(201, registered.status(), registered.body());
        String created = registered.json().getString("accountId");
        assertNotEquals(personal, created, "a new business account, not the personal one");
        JsonObject account = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json().getJsonArray("items")
                .stream().map(JsonValue::asJsonObject).filter(a -> a.getString("id").equals(created)).findFirst().orElseThrow();
        assertEquals("BUSINESS", account.getString("type"));
        assertEquals("ACCOUNT_ADMINISTRATOR", account.getString("role"));
    }

    /** L3: the product page's list (one product) and Arrange by in either direction; Active counts what has started. */
    @Test
    void subscriptionsOfOneProductArrangedInEitherDirection_L3() {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("arrange", "EN", 10);
        register(admin, Subscriptions.issue("DESKTOP", 3, TODAY.minusDays(10), TODAY.plusDays(40)));
        register(admin, Subscriptions.issue("DESKTOP", 4, TODAY.plusDays(5), TODAY.plusYears(2)));

        List<String> ascending = ends(admin, "?product=DESKTOP&display=ALL&sort=END_DATE&direction=ASC");
        List<String> descending = ends(admin, "?product=DESKTOP&display=ALL&sort=END_DATE&direction=DESC");
        assertEquals(3, ascending.size(), ascending.toString());
        assertEquals(List.of(TODAY.plusDays(40).toString(), TODAY.plusYears(1).toString(), TODAY.plusYears(2).toString()), ascending);
        assertEquals(List.of(TODAY.plusYears(2).toString(), TODAY.plusYears(1).toString(), TODAY.plusDays(40).toString()), descending);
        assertEquals(2, ends(admin, "?product=DESKTOP&display=ACTIVE").size(), "the one that has not started is not active");
        assertEquals(0, ends(admin, "?product=FLEET&display=ALL").size());
        assertEquals(400, Http.get("/api/v1/admin/subscriptions?direction=SIDEWAYS", "Authorization", admin.bearer()).status());
    }

    private static void register(BusinessAdmins.Admin admin, Subscriptions.Issued subscription) {
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey() + "\"}",
                "Authorization", admin.bearer(), "X-Account-Id", admin.accountId());
        assertEquals(201, registered.status(), registered.body());
    }

    private static List<String> ends(BusinessAdmins.Admin admin, String query) {
        Http.Answer answer = Http.get("/api/v1/admin/subscriptions" + query, "Authorization", admin.bearer(), "X-Account-Id", admin.accountId());
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").stream().map(v -> v.asJsonObject().getString("endsOn")).toList();
    }
}
