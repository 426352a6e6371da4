package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Proxies;
import com.keyhold.it.support.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The fleet product's pages in a real browser (SPEC S3, S5, S7, S8): the dashboard card counts proxy
 * servers; the Proxy Servers list with the Usage tab's chart; the Offline Activation and Validation
 * page honours a request file; a portal deactivation of the offline proxy waits for its file until
 * "Release now".
 */
@KeyholdIntegrationTest
class ProxyServersBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void proxyServersWithTheirUsageAndAnOfflineActivation_S3_S5_S7_S8() throws Exception {
        Accounts.Business account = Proxies.accountWithFleet(120);
        String email = Http.get("/api/v1/admin/members?role=ACCOUNT_ADMINISTRATOR", Members.administrator(account).headers())
                .json().getJsonArray("items").getJsonObject(0).getString("email");
        String activationKey = Proxies.activate(account.subscription().primaryKey(), "B12");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int[] weekly = {64, 81, 97, 112, 126};
        for (int week = 0; week < weekly.length; week++) {
            Proxies.Soap ack = Proxies.call("ReportUsage", Map.of("activationKey", activationKey,
                    "reportDate", today.minusWeeks(weekly.length - 1 - week).toString(), "managedComputers", Integer.toString(weekly[week])));
            assertEquals(200, ack.status(), ack.body());
        }
        String site = ProxyLicensingSoapIT.proxyOf(account, "B12").getString("id");

        try (Browser browser = new Browser()) {
            try {
                walkThrough(browser, account, email, site);
            } catch (RuntimeException | AssertionError failure) {
                browser.screenshot("proxy-servers-failure");
                throw failure;
            }
        }
    }

    private static void walkThrough(Browser browser, Accounts.Business account, String email, String site) throws Exception {
        {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Fleet");
            assertTrue(browser.text(By.id("products")).contains("Registered proxy servers"), "the fleet card counts proxies");
            browser.open("/app/proxies.xhtml");
            browser.waitForRows("proxies:proxyTable", 1);
            assertTrue(browser.row("proxies:proxyTable", site).getText().contains("Over limit"), "126 of 120 is flagged");
            browser.row("proxies:proxyTable", site).findElement(By.cssSelector(".kh-proxy-name")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("detailsForm:detailTabs")));
            assertEquals("126", browser.text(By.id("detailUsed")));
            browser.find("detailsForm:detailTabs").findElement(By.xpath(".//a[contains(., 'Usage')]")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='detailsForm:detailTabs:usageChart'] canvas")));
            Thread.sleep(500); // the chart draws after its canvas appears; the screenshot is for people
            browser.screenshot("proxy-servers-01-usage-chart");

            enableOffline(account.accountId());
            Path request = Files.createTempFile("proxy-request", ".xml");
            Files.writeString(request, Proxies.requestFile("ACTIVATE", "licenseKey", account.createKey("Closed site C77", "RESERVED", 20)
                    .getString("key"), "C77", Instant.now()), StandardCharsets.UTF_8);
            browser.open("/app/offline.xhtml");
            browser.driver().findElement(By.cssSelector("input[type='file'][id^='offline:requestFile']")).sendKeys(request.toString());
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("offline:download")));
            assertTrue(browser.text(By.id("responseName")).contains("activate-response.xml"));
            browser.screenshot("proxy-servers-02-offline-activation");

            browser.open("/app/proxies.xhtml");
            browser.waitForRows("proxies:proxyTable", 2);
            String offline = ProxyLicensingSoapIT.proxyOf(account, "C77").getString("id");
            browser.row("proxies:proxyTable", offline).findElement(By.cssSelector(".kh-proxy-name")).click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("detailsForm:detailTabs:detailDeactivate"))).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detailsForm:detailTabs:detailStatus"),
                    "Pending release"));
            browser.screenshot("proxy-servers-03-pending-release");
            browser.find("detailsForm:detailTabs:releaseNow").click();
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(By.id("proxies:confirmYes"))).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("detailsForm:detailTabs:detailStatus"),
                    "Deactivated"));
            assertEquals("DEACTIVATED", ProxyLicensingSoapIT.proxyOf(account, "C77").getString("status"));
        }
    }

    private static void enableOffline(String accountId) {
        OfflineOperationsIT.enableOffline(accountId, true);
    }
}
