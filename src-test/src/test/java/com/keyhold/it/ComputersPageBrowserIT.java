package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.Users;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The Registered Computers page in headless Chromium (SPEC C2, C4, C6, C7, C8). */
@KeyholdIntegrationTest
class ComputersPageBrowserIT {

    private static final By ROWS = By.cssSelector("[id='computers:table_data'] > tr[data-rk]");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void anAdministratorFiltersSelectsDeactivatesMovesAndExportsComputers_C2_C4_C6_C7_C8() throws Exception {
        String email = Users.uniqueEmail("admin");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = Subscriptions.desktop(5);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Acme " + email.substring(6, 14) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        Http.Answer lab = Http.postJson("/api/v1/admin/subscriptions/" + subscription.id() + "/keys",
                "{\"name\":\"Lab\",\"type\":\"RESERVED\",\"quota\":1}", "Authorization", Http.bearer(token));
        assertEquals(201, lab.status(), lab.body());
        List<String> ids = new ArrayList<>();
        List<String> hardwareIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String hardwareId = Clients.newHardwareId();
            Http.Answer activated = Clients.activate(subscription.primaryKey(), hardwareId);
            assertEquals(201, activated.status(), activated.body());
            ids.add(activated.json().getString("activationId"));
            hardwareIds.add(hardwareId);
        }

        try (Browser browser = new Browser()) {
            browser.signIn(email, Users.PASSWORD);
            browser.chooseAccount("Business account");
            browser.open("/app/computers.xhtml");
            assertEquals("/app/computers.xhtml", browser.path());
            browser.waitForRows("computers:table", 3);
            assertTrue(browser.text(By.id("computers:table")).contains("1\u20133 of 3"), "the paginator reports the total");

            // C6: the column chooser shows a hidden column, and it stays shown when the list reloads.
            assertTrue(!browser.text(By.id("computers:table")).contains(hardwareIds.get(0)), "hardware id hidden by default");
            browser.find("computers:columns").click();
            By hardwareColumn = By.xpath("//*[contains(@class,'ui-columntoggler')]//li[contains(., 'Hardware ID')]//div[contains(@class,'ui-chkbox-box')]");
            browser.waitFor().until(ExpectedConditions.elementToBeClickable(hardwareColumn)).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computers:table"), hardwareIds.get(0)));
            browser.find("computers:columns").click();

            // C6: the Computers filter and the search are asked of the database.
            browser.choose("computers:statusFilter", "Deactivated");
            browser.waitForRows("computers:table", 0);
            browser.choose("computers:statusFilter", "Active");
            browser.waitForRows("computers:table", 3);
            assertTrue(browser.text(By.id("computers:table")).contains(hardwareIds.get(0)), "the chosen column stays");
            browser.type("computers:search", hardwareIds.get(1).substring(3, 16));
            browser.waitForRows("computers:table", 1);
            assertEquals(ids.get(1), browser.driver().findElement(ROWS).getAttribute("data-rk"));
            browser.find("computers:search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            browser.waitForRows("computers:table", 3);
            browser.choose("computers:statusFilter", "All");
            browser.waitForRows("computers:table", 3);

            // C4: select one computer, Actions > Deactivate.
            String chosen = ids.get(0);
            browser.selectRow("computers:table", chosen);
            browser.chooseAction("computers:actions_button", "computers:deactivate");
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"),
                    "1 computer deactivated."));
            browser.waitFor().until(d -> statusOf(browser, chosen).equals("Deactivated"));
            browser.screenshot("computers-page-deactivated");
            assertEquals("Active", statusOf(browser, ids.get(1)), "only the selected computer changed");
            assertEquals("DEACTIVATED", Http.get("/api/v1/admin/computers/" + chosen, "Authorization", Http.bearer(token))
                    .json().getString("status"));

            // C2: the computer dialog edits the alias and notes.
            browser.row("computers:table", ids.get(2)).findElement(By.cssSelector("a.kh-computer-name")).click();
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("computerForm:alias")));
            browser.find("computerDialog").findElement(By.xpath(".//a[contains(., 'Hardware')]")).click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computerForm:tabs"),
                    hardwareIds.get(2)));
            browser.type("computerForm:alias", "Design Mac").type("computerForm:notes", "In the studio");
            browser.screenshot("computers-dialog");
            browser.find("computerForm:save").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("computerForm:computerMessages"),
                    "has been saved"));
            browser.waitFor().until(d -> browser.row("computers:table", ids.get(2)).getText().contains("Design Mac"));
            browser.find("computerForm:cancel").click();
            browser.waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("computerDialog")));
            browser.screenshot("computers-page");

            browser.choose("computers:statusFilter", "Deactivated");
            browser.waitForRows("computers:table", 1);
            assertEquals(chosen, browser.driver().findElement(ROWS).getAttribute("data-rk"));

            // C8: the deactivated computer is reactivated with another key of its subscription.
            browser.choose("computers:statusFilter", "All");
            browser.waitForRows("computers:table", 3);
            browser.selectRow("computers:table", chosen);
            browser.chooseAction("computers:actions_button", "computers:move");
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("moveForm:targetKey")));
            browser.choose("moveForm:targetKey", "Lab");
            browser.screenshot("computers-move");
            browser.find("moveForm:confirmMove").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-messages-info"),
                    "1 computer reactivated with the new key."));
            browser.waitFor().until(d -> statusOf(browser, chosen).equals("Active"));
            assertTrue(browser.row("computers:table", chosen).getText().contains("Lab"), "the row shows its new key");

            // C7: nothing selected, so the whole filtered list is saved.
            Path downloads = Files.createTempDirectory("keyhold-downloads");
            ((HasCdp) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.chooseAction("computers:actions_button", "computers:exportCsv");
            Path csv = downloads.resolve("computers.csv");
            browser.waitFor().until(d -> Files.exists(csv) && csvLines(csv).size() == 4);
            List<String> lines = csvLines(csv);
            assertTrue(lines.get(0).startsWith("\"Name\",\"Computer Name\",\"License Key\""), lines.get(0));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("\"Design Mac\",")), String.join("\n", lines));
        }
    }

    private static List<String> csvLines(Path csv) {
        try {
            return Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }





    private static String statusOf(Browser browser, String id) {
        return browser.row("computers:table", id).findElement(By.cssSelector(".kh-status")).getText();
    }


}
