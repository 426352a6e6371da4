package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Mailbox;
import com.keyhold.it.support.Users;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What a signed-in browser session must withstand: a forged form POST (CSRF: JSF forms carry the view
 * state, a POST without it changes nothing) and a password reset elsewhere (SPEC A10: it ends the
 * user's other sessions). Session fixation is covered where sign-in is (SignUpAndSignInBrowserIT).
 */
@KeyholdIntegrationTest
class SessionSecurityBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aForgedProfilePostWithoutViewStateChangesNothing() {
        String email = Users.uniqueEmail("csrf");
        Users.signUp(email);
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD).open("/app/profile.xhtml");
            assertTrue(browser.driver().findElements(By.name("jakarta.faces.ViewState")).size() > 0,
                    "the form carries the view state");
            String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            for (String viewState : new String[] {null, "forged-view-state"}) {
                String form = "profile=profile&profile%3AfirstName=Forged&profile%3AlastName=Attacker&profile%3Aemail="
                        + URLEncoder.encode("attacker@example.com", StandardCharsets.UTF_8)
                        + "&profile%3Alanguage=EN&profile%3Asave="
                        + (viewState == null ? "" : "&jakarta.faces.ViewState=" + viewState);
                Http.send(Http.request("/app/profile.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Cookie", "JSESSIONID=" + session)
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            }
            browser.open("/app/profile.xhtml");
            assertEquals("Test", browser.find("profile:firstName").getAttribute("value"));
            assertEquals(email, browser.find("profile:email").getAttribute("value"));
        }
    }

    @Test
    void a10APasswordResetEndsTheUsersOtherSessions() {
        String email = Users.uniqueEmail("reset");
        Users.signUp(email);
        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD).open("/app/profile.xhtml");
            assertEquals("/app/profile.xhtml", browser.path());

            Http.postJson("/api/v1/auth/password-resets", "{\"email\":\"" + email + "\"}");
            String token = Mailbox.awaitTo(email, "Reset").token("/reset-password.xhtml");
            assertEquals(204, Http.postJson("/api/v1/auth/password-resets/confirmation",
                    "{\"token\":\"" + token + "\",\"password\":\"the reset passphrase\"}").status());

            browser.open("/app/profile.xhtml");
            assertNotEquals("/app/profile.xhtml", browser.path(), "the old session has ended");
            assertEquals("/login.xhtml", browser.path());
            browser.signIn(email, "the reset passphrase");
        }
    }
}
