package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Rows;
import com.keyhold.it.support.Subscriptions;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * Downloads & Documentation (SPEC T3): operators publish links and files per product and version;
 * the public page shows the newest version by default and another by {@code ?version=}; files are
 * served as attachments with their content-detected type and {@code nosniff}; bad uploads are refused
 * with a clear error and change nothing. Each test publishes for a product of its own, so the other
 * tests' view of the desktop product's page stays as it was.
 */
@KeyholdIntegrationTest
class DownloadsIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theNewestVersionIsShownAndAnOlderOneByItsAddress_T3() throws Exception {
        String product = product();
        publish(product, "19.4.1", "INSTALLER", "Installer 19", "https://cdn.example.com/kh-19.4.1.dmg");
        publish(product, "20.1.10", "INSTALLER", "Installer 20.1.10", "https://cdn.example.com/kh-20.1.10.dmg");
        publish(product, "20.1.2", "INSTALLER", "Installer 20.1.2", "https://cdn.example.com/kh-20.1.2.dmg");
        String guide = publish(product, "20.1.10", "GUIDE", "Administrator's Guide", null).getString("id");
        JsonObject uploaded = upload(guide, "admin-guide.pdf", PDF);
        assertEquals(200, Http.get("/api/v1/operator/downloads?product=" + product, "Authorization", Subscriptions.operator()).status());

        Http.Answer page = Http.get("/downloads/" + product.toLowerCase());
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Installer 20.1.10"), "the newest version by default: " + page.body());
        assertFalse(page.body().contains("Installer 20.1.2<"), "20.1.10 is newer than 20.1.2");
        assertTrue(page.body().indexOf(">20.1.10<") < page.body().indexOf(">20.1.2<")
                && page.body().indexOf(">20.1.2<") < page.body().indexOf(">19.4.1<"), "the selector lists newest first");
        assertTrue(page.body().contains("Administrator&#39;s Guide") || page.body().contains("Administrator's Guide"));
        assertTrue(page.body().contains(uploaded.getString("sha256")));
        Http.Answer older = Http.get("/downloads/" + product + "?version=19.4.1");
        assertTrue(older.body().contains("Installer 19") && !older.body().contains("Installer 20"), older.body());
        Http.Answer unknownVersion = Http.get("/downloads/" + product + "?version=%3Cscript%3Ealert(7)%3C/script%3E");
        assertTrue(unknownVersion.body().contains("Installer 20.1.10"), "an unknown version shows the newest");
        assertFalse(unknownVersion.body().contains("alert(7)"), "and is not written back into the page");

        Http.Answer file = Http.get(uploaded.getString("href"));
        assertEquals(200, file.status());
        assertEquals("application/pdf", file.header("Content-Type").orElse(""));
        assertEquals("nosniff", file.header("X-Content-Type-Options").orElse(""));
        assertTrue(file.header("Content-Disposition").orElse("").startsWith("attachment"), file.headers().toString());
        assertEquals(new String(PDF, StandardCharsets.US_ASCII), file.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)), uploaded.getString("sha256"));
        // the same file under another product's address, or an unknown id: not found
        assertEquals(404, Http.get(uploaded.getString("href").replace(product, "DESKTOP")).status());
        assertEquals(404, Http.get("/downloads/" + product + "/files/00000000-0000-4000-8000-000000000000").status());
    }

    @Test
    void badUploadsAreRefusedWithAReasonAndChangeNothing_T3() {
        String product = product();
        String id = publish(product, "1.0", "GUIDE", "Guide", null).getString("id");
        byte[] executable = new byte[4096];
        executable[0] = 'M';
        executable[1] = 'Z';
        Http.Answer renamedExe = uploadAnswer(id, "guide.pdf", executable);
        assertEquals(400, renamedExe.status(), renamedExe.body());
        assertTrue(renamedExe.body().contains("decided on its content"), renamedExe.body());
        Http.Answer svg = uploadAnswer(id, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, svg.status(), "an SVG with a script is markup, refused: " + svg.body());
        Http.Answer tooLarge = uploadAnswer(id, "big.pdf", new byte[30 * 1024 * 1024]);
        assertEquals(413, tooLarge.status());
        assertEquals(0, Rows.count("SELECT COUNT(*) FROM download_files WHERE entry_id = ?", id), "nothing stored");

        JsonObject traversal = upload(id, "../../etc/passwd.pdf", PDF);
        assertEquals("passwd.pdf", traversal.getString("fileName"), "only the last path segment, made safe");

        Http.Answer noHttps = Http.postJson("/api/v1/operator/downloads", "{\"product\":\"" + product + "\",\"version\":\"1.0\","
                + "\"kind\":\"INSTALLER\",\"title\":\"x\",\"url\":\"javascript:alert(1)\"}", "Authorization", Subscriptions.operator());
        assertEquals(400, noHttps.status(), noHttps.body());
        Http.Answer badKind = Http.postJson("/api/v1/operator/downloads", "{\"product\":\"" + product + "\",\"version\":\"1.0\","
                + "\"kind\":\"VIRUS\",\"title\":\"x\"}", "Authorization", Subscriptions.operator());
        assertEquals(400, badKind.status(), badKind.body());
        assertEquals(1, Rows.count("SELECT COUNT(*) FROM download_entries WHERE product_code = ?", product));

        // customers cannot publish
        Accounts.Business customer = Accounts.withDesktopSubscription(1);
        assertEquals(401, Http.postJson("/api/v1/operator/downloads", "{\"product\":\"" + product + "\",\"version\":\"2.0\","
                + "\"kind\":\"GUIDE\",\"title\":\"x\"}", "Authorization", customer.bearer()).status());
        assertEquals(204, Http.call("DELETE", "/api/v1/operator/downloads/" + id, null, "Authorization", Subscriptions.operator())
                .status());
        assertEquals(0, Rows.count("SELECT COUNT(*) FROM download_files WHERE entry_id = ?", id), "the file went with its entry");
        assertEquals(3, Rows.count("SELECT COUNT(*) FROM activity_log WHERE object_id = ? AND action LIKE 'DOWNLOAD.%'", id),
                "published, its file uploaded, removed");
    }

    /** A product of this test's own, so the other tests' desktop downloads page is untouched. */
    static String product() {
        String code = "DL_" + Long.toString(System.nanoTime(), 36).toUpperCase();
        Http.Answer defined = Http.postJson("/api/v1/operator/products", "{\"code\":\"" + code
                + "\",\"name\":\"Keyhold Viewer\",\"kind\":\"PER_COMPUTER\",\"business\":true}", "Authorization", Subscriptions.operator());
        assertEquals(201, defined.status(), defined.body());
        return code;
    }

    static JsonObject publish(String product, String version, String kind, String title, String url) {
        Http.Answer added = Http.postJson("/api/v1/operator/downloads", "{\"product\":\"" + product + "\",\"version\":\"" + version
                + "\",\"kind\":\"" + kind + "\",\"title\":\"" + title.replace("'", "\\u0027") + "\""
                + (url == null ? "" : ",\"url\":\"" + url + "\"") + "}", "Authorization", Subscriptions.operator());
        assertEquals(201, added.status(), added.body());
        return added.json();
    }

    static JsonObject upload(String id, String name, byte[] content) {
        Http.Answer answer = uploadAnswer(id, name, content);
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static Http.Answer uploadAnswer(String id, String name, byte[] content) {
        return Http.send(Http.request("/api/v1/operator/downloads/" + id + "/file?fileName="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8))
                .header("Authorization", Subscriptions.operator()).header("Content-Type", "application/octet-stream")
                .expectContinue(true) // an oversized body is refused before it is sent
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }
}
