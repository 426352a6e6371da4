package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The seed's "Downloads and Documentation" page in headless Chromium (SPEC T3): the newest version's
 * installers and guides, the version selector at the top choosing an older version by its address.
 */
@KeyholdIntegrationTest
class DownloadsBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theVersionSelectorShowsEachVersionsDownloads_T3() {
        String product = DownloadsIT.product();
        DownloadsIT.publish(product, "1.9", "INSTALLER", "Viewer 1.9 for macOS", "https://cdn.example.com/viewer-1.9.dmg");
        DownloadsIT.publish(product, "2.0", "INSTALLER", "Viewer 2.0 for macOS", "https://cdn.example.com/viewer-2.0.dmg");
        DownloadsIT.publish(product, "2.0", "RELEASE_NOTES", "What's new in 2.0", "https://docs.example.com/viewer-2.0");
        try (Browser browser = new Browser()) {
            browser.open("/downloads/" + product);
            assertTrue(browser.text(By.tagName("main")).contains("Viewer 2.0 for macOS"));
            assertTrue(browser.text(By.tagName("main")).contains("Release notes"));
            assertEquals("https://cdn.example.com/viewer-2.0.dmg",
                    browser.driver().findElement(By.linkText("Viewer 2.0 for macOS")).getAttribute("href"));
            browser.screenshot("downloads-01-newest");
            browser.assertAccessible("the downloads page");

            new Select(browser.find("version")).selectByVisibleText("1.9");
            browser.waitFor().until(d -> d.getCurrentUrl().endsWith("?version=1.9"));
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Viewer 1.9 for macOS"));
            assertTrue(!browser.text(By.tagName("main")).contains("Viewer 2.0"), "only the chosen version's downloads");
            browser.screenshot("downloads-02-older-version");
        }
    }
}
