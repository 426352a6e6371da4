package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Browser;
import com.keyhold.it.support.BusinessAdmins;
import com.keyhold.it.support.Chips;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.MultipartPost;
import com.keyhold.it.support.Users;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Invite Users dialog's CSV upload against bad files (SPEC I1 and the quality bars "oversized or
 * malformed CSV gets a clear error and changes nothing", "exports are safe to open in a spreadsheet"),
 * signed in: a 50 MB file is refused before its body is read, a binary file is refused, and formula
 * cells are either listed back as text or, when they are address-shaped, invited with the Download
 * Invitations CSV neutralising them. What {@code InviteUsersBrowserIT} already covers (one formula row
 * listed back among addresses) is not repeated.
 */
@KeyholdIntegrationTest
class InviteUsersUploadLimitsBrowserIT {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void aFiftyMegabyteFileIsRefusedBeforeItIsReadAndNothingChanges_I1() throws IOException {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("bigfile", "EN", 5);
        Path big = Files.createTempFile("addresses-50mb", ".csv");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(FIFTY_MB); // sparse: 50 MB on the wire, nothing on the disk
        }
        String control = Users.uniqueEmail("control");
        String typed = Users.uniqueEmail("typed");
        try (Browser browser = new Browser()) {
            openInviteUsers(browser, admin);

            // Through the real browser: refused at once, before a byte is sent, with the limit said.
            long requestsBefore = xhrRequests(browser);
            browser.find("inviteForm:csv_input").sendKeys(big.toString());
            By uploadMessages = By.cssSelector("[id='inviteForm:csv'] .ui-fileupload-messages");
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(uploadMessages));
            assertEquals("The file is too large: files of up to 2 MB can be uploaded. Nothing was read or changed.",
                    browser.text(uploadMessages).strip());
            browser.waitForAjax();
            assertEquals(requestsBefore, xhrRequests(browser), "the browser sent nothing");
            assertTrue(browser.driver().findElements(By.cssSelector("[id='inviteForm:csv'] .ui-fileupload-row")).isEmpty(),
                    "no file is listed as uploading");
            assertEquals(0, Chips.tokens(browser, "inviteForm:emails").size());
            assertTrue(sendButton(browser).contains("(0)"), sendButton(browser));
            browser.screenshot("upload-limits-01-fifty-mb-in-the-browser");

            // At the HTTP level, as a script or a browser without that check sends it: the same session and
            // view state, the dialog's upload request. A small file first, so the refusal below is the size's.
            String url = browser.find("inviteForm").getAttribute("action");
            String cookies = MultipartPost.cookies(browser);
            Map<String, String> fields = uploadFields(browser);
            byte[] small = ("email\n" + control + "\n").getBytes(StandardCharsets.UTF_8);
            MultipartPost.Result accepted = MultipartPost.send(url, fields, "inviteForm:csv", "one.csv", "text/csv",
                    () -> new ByteArrayInputStream(small), small.length, "Cookie", cookies, "Faces-Request", "partial/ajax");
            assertEquals(200, accepted.answer().status(), accepted.answer().body());
            assertTrue(accepted.answer().body().contains("1 addresses read from the file"), "positive control: "
                    + accepted.answer().body());

            // The whole 50 MB, as a client that sends it all anyway: a clear answer in the user's language.
            MultipartPost.Result refused = MultipartPost.send(url, fields, "inviteForm:csv", "big.csv", "text/csv",
                    () -> MultipartPost.generated(FIFTY_MB, (byte) 'a'), FIFTY_MB, "Cookie", cookies,
                    "Faces-Request", "partial/ajax");
            assertEquals(413, refused.answer().status(), refused.answer().body());
            assertTrue(refused.answer().header("Content-Type").orElse("").startsWith("text/plain"),
                    refused.answer().headers().map().toString());
            assertEquals("The file is too large: files of up to 2 MB can be uploaded. Nothing was read or changed.",
                    refused.answer().body());

            // Refused before it is read whole: the answer comes while only 256 KB of the declared 50 MB have been sent.
            MultipartPost.RawAnswer early = MultipartPost.sendPartially(url, fields, "inviteForm:csv", "big.csv", "text/csv",
                    FIFTY_MB, 256 * 1024, "Cookie", cookies, "Faces-Request", "partial/ajax");
            assertEquals(413, early.status(), early.body());
            assertEquals("close", early.headers().get("connection"), early.headers().toString());
            assertTrue(early.body().startsWith("The file is too large"), early.body());
            assertTrue(early.bodyBytesSent() < early.declaredLength() / 100, early.bodyBytesSent() + " of " + early.declaredLength());

            // Nothing changed: no invitation exists, and the dialog goes on working in the same view.
            assertEquals(0, invitations(admin).size());
            Chips.type(browser, "inviteForm:emails", typed);
            browser.waitFor().until(d -> sendButton(browser).contains("(1)"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView(true);",
                    browser.find("inviteForm:sendButton"));
            browser.find("inviteForm:sendButton").click();
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "1 invitations have been sent"));
        } finally {
            Files.deleteIfExists(big);
        }
        assertEquals(List.of(typed), invitations(admin).stream().map(i -> i.getString("email")).toList(),
                "only the address typed afterwards was invited");
    }

    @Test
    void aBinaryFileIsRefusedAndFormulaCellsAreListedBackOrNeutralised_I1() throws IOException, InterruptedException {
        BusinessAdmins.Admin admin = BusinessAdmins.withDesktopSubscription("formulas", "EN", 5);
        Path binary = Files.createTempFile("addresses", ".csv");
        byte[] png = new byte[4096];
        new Random(7).nextBytes(png);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d}, 0, png, 0, 12);
        Files.write(binary, png);
        String hyperlink = "=HYPERLINK(\"http://evil.example/x\")@evil.example";
        String plus = "+49151" + Users.uniqueEmail("plus");
        String minus = "-" + Users.uniqueEmail("minus");
        String plain = Users.uniqueEmail("plain");
        Path formulas = Files.createTempFile("formulas", ".csv");
        Files.writeString(formulas, String.join("\n", "email", "=cmd|' /C calc'!A0", "+SUM(1;2)", "-2+3", "@SUM(A1:A2)",
                hyperlink, plus, minus, plain) + "\n", StandardCharsets.UTF_8);
        Path downloads = Files.createTempDirectory("keyhold-downloads");

        try (Browser browser = new Browser()) {
            ((ChromiumDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            openInviteUsers(browser, admin);

            // A binary file named .csv passes the browser's name check and is refused by the server as a whole.
            browser.find("inviteForm:csv_input").sendKeys(binary.toString());
            browser.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("inviteForm:inviteMessages"),
                    "The file is not a text (CSV) file."));
            assertEquals(0, Chips.tokens(browser, "inviteForm:emails").size(), "nothing was taken from it");
            assertTrue(browser.driver().findElements(By.id("inviteForm:invalidRows")).isEmpty());
            assertEquals(0, invitations(admin).size());
            browser.screenshot("upload-limits-02-binary-refused");

            // Formula cells that are not addresses are listed back as text; address-shaped ones become chips.
            browser.find("inviteForm:csv_input").sendKeys(formulas.toString());
            browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:invalidRows")));
            String invalid = browser.text(By.id("inviteForm:invalidRows"));
            for (String formula : List.of("=cmd|' /C calc'!A0", "+SUM(1;2)", "-2+3", "@SUM(A1:A2)")) {
                assertTrue(invalid.contains(formula), formula + " listed back as text: " + invalid);
            }
            browser.waitFor().until(d -> sendButton(browser).contains("(4)"));
            assertEquals(List.of(), Chips.invalid(browser, "inviteForm:emails"));
            browser.screenshot("upload-limits-03-formulas");

            // Download Invitations: the CSV opens safely in a spreadsheet (a leading ' before = + - @).
            browser.find("inviteForm:download").click();
            Path csv = downloads.resolve("invitations.csv");
            browser.waitFor().withTimeout(Duration.ofSeconds(30)).until(d -> Files.exists(csv) && noPartialDownloads(downloads));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals("\"Email\",\"Activation Code\",\"Download Link\",\"Expires (UTC)\"", lines.get(0));
            Map<String, String> emailCells = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String cell = line.substring(0, line.indexOf("\",\"") + 1);
                emailCells.put(cell, line);
            }
            assertEquals(4, emailCells.size(), lines.toString());
            assertTrue(emailCells.containsKey("\"'=HYPERLINK(\"\"http://evil.example/x\"\")@evil.example\""), emailCells.keySet().toString());
            assertTrue(emailCells.containsKey("\"'" + plus + "\""), emailCells.keySet().toString());
            assertTrue(emailCells.containsKey("\"'" + minus + "\""), emailCells.keySet().toString());
            assertTrue(emailCells.containsKey("\"" + plain + "\""), emailCells.keySet().toString());
            for (String line : lines) {
                for (String cell : line.split("\",\"")) {
                    String text = cell.replaceAll("^\"|\"$", "");
                    assertFalse(!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0, "a formula cell in: " + line);
                }
            }
        } finally {
            Files.deleteIfExists(binary);
            Files.deleteIfExists(formulas);
            try (Stream<Path> files = Files.list(downloads)) {
                files.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(downloads);
        }
        assertEquals(4, invitations(admin).size(), "the downloaded invitations exist, nothing else");
    }

    private static void openInviteUsers(Browser browser, BusinessAdmins.Admin admin) {
        browser.signIn(admin.email(), Users.PASSWORD);
        browser.chooseAccount("Business account");
        browser.find("products").findElement(By.cssSelector(".kh-invite-users")).click();
        browser.waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("inviteForm:key")));
    }

    /** The fields PrimeFaces sends with the dialog's automatic upload (the file goes in the part named inviteForm:csv, as in advanced mode). */
    private static Map<String, String> uploadFields(Browser browser) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("inviteForm", "inviteForm");
        fields.put("jakarta.faces.ViewState", browser.driver()
                .findElement(By.cssSelector("form[id='inviteForm'] input[name='jakarta.faces.ViewState']")).getAttribute("value"));
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.partial.execute", "inviteForm:csv");
        fields.put("jakarta.faces.source", "inviteForm:csv");
        fields.put("jakarta.faces.partial.render", "inviteForm:emails inviteForm:inviteMessages");
        fields.put("inviteForm:csv_totalFilesCount", "1");
        return fields;
    }

    /** How many XMLHttpRequests (PrimeFaces' Ajax and uploads) this page has made so far. */
    private static long xhrRequests(Browser browser) {
        return (Long) ((JavascriptExecutor) browser.driver()).executeScript("return performance.getEntriesByType('resource')"
                + ".filter(function (e) { return e.initiatorType === 'xmlhttprequest'; }).length;");
    }

    private static String sendButton(Browser browser) {
        return browser.find("inviteForm:sendButton").getAttribute("textContent");
    }

    private static boolean noPartialDownloads(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.noneMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The invitations for the subscription's primary key, the only key these tests' accounts have. */
    private static List<JsonObject> invitations(BusinessAdmins.Admin admin) {
        Http.Answer answer = Http.get("/api/v1/admin/keys/" + admin.primaryKeyId() + "/invitations", "Authorization", admin.bearer());
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }
}
