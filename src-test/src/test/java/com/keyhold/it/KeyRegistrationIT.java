package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/admin/registrations} (CONTRACT section 6; SPEC L2, A2). */
@KeyholdIntegrationTest
class KeyRegistrationIT {

    private static final String COMPANY = "\"company\":{\"name\":\"Acme Inc.\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1234\"}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aBusinessKeyFromThePersonalAccountCreatesABusinessAccountWithItsRegistrantAsAdministrator_A2() {
        String token = newUserToken();
        Subscriptions.Issued subscription = Subscriptions.desktop(10);

        Http.Answer registered = register(token, "{\"key\":\"" + subscription.primaryKey() + "\",\"name\":\"Design team\"," + COMPANY + "}");

        assertEquals(201, registered.status(), registered.body());
        assertEquals(subscription.id(), registered.json().getString("subscriptionId"));
        JsonObject business = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json()
                .getJsonArray("items").stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("type").equals("BUSINESS")).findFirst().orElseThrow();
        assertEquals(registered.json().getString("accountId"), business.getString("id"));
        assertEquals("Acme Inc.", business.getString("name"));
        assertEquals("ACCOUNT_ADMINISTRATOR", business.getString("role"));
        String supportCode = DesktopActivationIT.queryString("SELECT support_code FROM accounts WHERE id = ?", business.getString("id"));
        assertTrue(supportCode.matches("\\d{5}-\\d{5}"), supportCode);
        assertEquals("Design team", DesktopActivationIT.queryString("SELECT name FROM subscriptions WHERE id = ?", subscription.id()));
    }

    @Test
    void aKeyRegistersToOneAccountOnly_L2() {
        Subscriptions.Issued subscription = Subscriptions.desktop(10);
        assertEquals(201, register(newUserToken(), "{\"key\":\"" + subscription.primaryKey() + "\"," + COMPANY + "}").status());

        Http.Answer again = register(newUserToken(), "{\"key\":\"" + subscription.primaryKey() + "\"," + COMPANY + "}");
        assertEquals(409, again.status());
        assertEquals("KEY_ALREADY_REGISTERED", again.errorCode());
    }

    @Test
    void aBusinessKeyNeedsTheCompanyDetailsAndNothingIsCreatedWithout_A2() {
        String token = newUserToken();
        Subscriptions.Issued subscription = Subscriptions.desktop(10);
        Http.Answer answer = register(token, "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme\",\"country\":\"\",\"zip\":\"1\"}}");
        assertEquals(400, answer.status());
        assertEquals("BAD_REQUEST", answer.errorCode());
        assertEquals(1, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json()
                .getJsonArray("items").size(), "no business account was created");
        assertEquals(0, DesktopActivationIT.queryInt(
                "SELECT COUNT(*) FROM subscriptions WHERE id = ? AND account_id IS NOT NULL", subscription.id()));
    }

    @Test
    void theCompanysCountryIsAnIsoCodeAndFreeTextIsAValidationErrorThatCreatesNothing_A2() {
        String token = newUserToken();
        Subscriptions.Issued subscription = Subscriptions.desktop(10);
        Http.Answer freeText = register(token, "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme\",\"country\":\"Germany\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}");
        assertEquals(400, freeText.status(), freeText.body());
        assertEquals("BAD_REQUEST", freeText.errorCode());
        JsonObject violation = freeText.json().getJsonArray("violations").getJsonObject(0);
        assertEquals("company.country", violation.getString("field"));
        assertTrue(violation.getString("message").contains("ISO 3166-1 alpha-2"), violation.getString("message"));
        assertEquals(1, Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json()
                .getJsonArray("items").size(), "no business account was created");

        Http.Answer code = register(token, "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme\",\"country\":\"CH\",\"zip\":\"8001\",\"phone\":\"+41 44 1\"}}");
        assertEquals(201, code.status(), code.body());
        assertEquals("CH", DesktopActivationIT.queryString("SELECT company_country FROM accounts WHERE id = ?",
                code.json().getString("accountId")), "stored as the code");
    }

    @Test
    void aPersonalProductsKeyGoesToThePersonalAccount_A2() {
        String token = newUserToken();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Subscriptions.Issued personal = Subscriptions.issue("DESKTOP_PERSONAL", 1, today, today.plusYears(1));
        Http.Answer answer = register(token, "{\"key\":\"" + personal.primaryKey() + "\"}");
        assertEquals(201, answer.status(), answer.body());
        String personalAccount = Http.get("/api/v1/admin/accounts", "Authorization", Http.bearer(token)).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        assertEquals(personalAccount, answer.json().getString("accountId"));
    }

    @Test
    void unknownKeysAreInvalid_L2() {
        Http.Answer answer = register(newUserToken(), "{\"key\":\"ZZZZZZ-ZZZZZZ-ZZZZZZ-ZZZZZZ-ZZZZZZ\"," + COMPANY + "}");
        assertEquals(404, answer.status());
        assertEquals("INVALID_KEY", answer.errorCode());
    }

    @Test
    void anotherUsersAccountIsNotFound_tenancy() {
        String owner = newUserToken();
        Subscriptions.Issued first = Subscriptions.desktop(10);
        String accountId = register(owner, "{\"key\":\"" + first.primaryKey() + "\"," + COMPANY + "}").json().getString("accountId");

        Subscriptions.Issued second = Subscriptions.desktop(10);
        Http.Answer intruder = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + second.primaryKey() + "\"}",
                "Authorization", Http.bearer(newUserToken()), "X-Account-Id", accountId);
        assertEquals(404, intruder.status());
        assertEquals("NOT_FOUND", intruder.errorCode());
        assertEquals(0, DesktopActivationIT.queryInt(
                "SELECT COUNT(*) FROM subscriptions WHERE id = ? AND account_id IS NOT NULL", second.id()));

        Http.Answer intoOwnAccount = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + second.primaryKey() + "\"}",
                "Authorization", Http.bearer(owner), "X-Account-Id", accountId);
        assertEquals(201, intoOwnAccount.status(), intoOwnAccount.body());
        assertEquals(accountId, intoOwnAccount.json().getString("accountId"));
    }

    private static Http.Answer register(String token, String json) {
        return Http.postJson("/api/v1/admin/registrations", json, "Authorization", Http.bearer(token));
    }

    private static String newUserToken() {
        String email = Users.uniqueEmail("reg");
        Users.signUp(email);
        return Users.tokenFor(email);
    }
}
