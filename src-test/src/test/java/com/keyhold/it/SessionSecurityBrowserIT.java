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

            // Positive control: the very same POST with the page's own view state does change the profile, so
            // the forged ones below are refused for lacking it and not for being malformed otherwise.
            String viewState = browser.driver()
                    .findElement(By.cssSelector("form[id='profile'] input[name='jakarta.faces.ViewState']"))
                    .getAttribute("value");
            String changedEmail = Users.uniqueEmail("csrf-changed");
            Http.Answer genuine = postProfile(session, "Genuine", "Owner", changedEmail, viewState);
            browser.open("/app/profile.xhtml");
            String what = "the POST with the view state → " + genuine.status() + " " + genuine.headers().map();
            assertEquals("Genuine", browser.find("profile:firstName").getAttribute("value"), what);
            assertEquals("Owner", browser.find("profile:lastName").getAttribute("value"), what);
            assertEquals(changedEmail, browser.find("profile:email").getAttribute("value"), what);

            for (String forgedViewState : new String[] {null, "forged-view-state"}) {
                postProfile(session, "Forged", "Attacker", Users.uniqueEmail("attacker"), forgedViewState);
            }
            browser.open("/app/profile.xhtml");
            assertEquals("Genuine", browser.find("profile:firstName").getAttribute("value"));
            assertEquals("Owner", browser.find("profile:lastName").getAttribute("value"));
            assertEquals(changedEmail, browser.find("profile:email").getAttribute("value"));
        }
    }

    /** The profile form's POST as the page submits it (Save, no Ajax), in the given session, with or without a view state. */
    private static Http.Answer postProfile(String session, String firstName, String lastName, String email, String viewState) {
        String form = "profile=profile&profile%3AfirstName=" + encode(firstName) + "&profile%3AlastName=" + encode(lastName)
                + "&profile%3Aemail=" + encode(email) + "&profile%3AcurrentPassword=" + encode(Users.PASSWORD)
                + "&profile%3Alanguage=EN&profile%3Asave="
                + (viewState == null ? "" : "&jakarta.faces.ViewState=" + encode(viewState));
        return Http.send(Http.request("/app/profile.xhtml").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
