package com.keyhold.it;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Users;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The accessibility pass of issue 12: axe-core (WCAG 2.1 A and AA rules) on every page a customer
 * sees, public and signed in, filled with data, in English and German; no serious or critical
 * violation. Each page's failures are collected, so one run names them all.
 */
@KeyholdIntegrationTest
class AccessibilityBrowserIT {

    private static final List<String> PUBLIC_PAGES = List.of("/login.xhtml", "/signup.xhtml", "/forgot-password.xhtml",
            "/reset-password.xhtml?token=unknown", "/downloads/DESKTOP");

    private static final List<String> SIGNED_IN_PAGES = List.of("/app/dashboard.xhtml", "/app/register-key.xhtml",
            "/app/subscriptions.xhtml", "/app/computers.xhtml", "/app/proxies.xhtml", "/app/profiles.xhtml", "/app/business.xhtml",
            "/app/activity.xhtml", "/app/profile.xhtml", "/app/security.xhtml", "/app/change-password.xhtml", "/app/offline.xhtml",
            "/app/identity-provider.xhtml", "/app/support.xhtml", "/app/tickets.xhtml");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void everyPageInEnglishHasNoSeriousOrCriticalViolation() {
        check("EN", "Business account");
    }

    @Test
    void everyPageInGermanHasNoSeriousOrCriticalViolation() {
        check("DE", "Gesch\u00e4ftskonto");
    }

    private static void check(String language, String businessAccount) {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("a11y", language, 10);
        admin.createKey("Lab", "RESERVED", 2);
        for (int i = 0; i < 3; i++) {
            Clients.activate(admin.subscription().primaryKey(), Clients.newHardwareId());
        }
        List<String> failures = new ArrayList<>();
        try (Browser browser = new Browser()) {
            for (String page : PUBLIC_PAGES) {
                browser.open(page);
                audit(browser, page, failures);
            }
            browser.signIn(admin.email(), Users.PASSWORD).chooseAccount(businessAccount);
            List<String> pages = new ArrayList<>(SIGNED_IN_PAGES);
            pages.add("/app/subscription.xhtml?id=" + admin.subscription().id());
            for (String page : pages) {
                browser.open(page);
                audit(browser, page, failures);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private static void audit(Browser browser, String page, List<String> failures) {
        try {
            browser.assertAccessible(page);
        } catch (AssertionError violations) {
            failures.add(violations.getMessage());
        }
    }
}
