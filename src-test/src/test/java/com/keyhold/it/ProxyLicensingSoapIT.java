package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keyhold.it.support.Accounts;
import com.keyhold.it.support.Clients;
import com.keyhold.it.support.Concurrently;
import com.keyhold.it.support.Http;
import com.keyhold.it.support.KeyholdDeployment;
import com.keyhold.it.support.KeyholdIntegrationTest;
import com.keyhold.it.support.Members;
import com.keyhold.it.support.Proxies;
import com.keyhold.it.support.Subscriptions;
import com.keyhold.it.support.soap.LicenseInfo;
import com.keyhold.it.support.soap.ProxyClients;
import com.keyhold.it.support.soap.ProxyLicensingClient;
import com.keyhold.it.support.soap.UsageAck;
import jakarta.json.JsonObject;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The fleet product online (SPEC S1, S2, S4–S7, S9; CONTRACT sections 3 and 5): the seed's life
 * cycle through a SOAP client bound to the served WSDL, the same calls as raw SOAP 1.1 envelopes as
 * an old proxy sends them (faults read with namespace-aware XPath), and one key against twenty
 * racing proxies.
 */
@KeyholdIntegrationTest
class ProxyLicensingSoapIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KeyholdDeployment.ear();
    }

    @Test
    void theServedWsdlIsTheContracts_S2() {
        Http.Answer wsdl = Http.get(Proxies.PATH + "?wsdl");
        assertEquals(200, wsdl.status(), wsdl.body());
        String xml = wsdl.body();
        assertEquals(Proxies.NS, Proxies.text(xml, "/w:definitions/@targetNamespace"));
        for (String operation : List.of("ActivateLicense", "RefreshLicense", "ReportUsage", "CanEnroll", "DeactivateLicense")) {
            assertEquals("1", Proxies.text(xml, "count(/w:definitions/w:portType/w:operation[@name='" + operation + "'])"), operation);
        }
        assertTrue(Proxies.text(xml, "//*[local-name()='address']/@location").endsWith("/ws/proxy-licensing"), xml);
        assertEquals("document", Proxies.text(xml, "//w:binding/*[local-name()='binding']/@style"));
        // the schema, inline or imported: wrappers in the namespace, children unqualified, dates as xs:date
        String schemaLocation = Proxies.text(xml, "//xs:import/@schemaLocation");
        String schema = schemaLocation.isEmpty() ? xml : Http.get(schemaLocation).body();
        assertEquals("1", Proxies.text(schema, "count(//xs:element[@name='ActivateLicenseResponse'])"), schema);
        assertFalse(Proxies.text(schema, "//xs:schema/@elementFormDefault").equals("qualified"), "children are unqualified");
        assertTrue(Proxies.text(schema, "//xs:complexType[@name='ReportUsage']//xs:element[@name='reportDate']/@type").endsWith(":date"),
                "reportDate is an xs:date");
        assertEquals("1", Proxies.text(schema, "count(//xs:element[@name='keyholdFault'])"), "the fault's detail is declared");
    }

    /** The seed's life cycle (chapter 4): activate, weekly reports, over the limit, quota raised, deactivate, another site. */
    @Test
    void theSeedsLifeCycleThroughAClientOfTheServedWsdl_S1_S2_S4_S5_S6_S7() {
        Accounts.Business account = Proxies.accountWithFleet(100);
        JsonObject siteKey = account.createKey("Site T12", "RESERVED", 40);
        ProxyLicensingClient proxy = ProxyClients.fromServedWsdl();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        LicenseInfo activated = proxy.activateLicense(siteKey.getString("key"), "sccm-t12.example.com", "T12", "Headquarters", "5.2.1");
        assertEquals("ACTIVE", activated.status);
        assertEquals(40, activated.maxManagedComputers, "the sublicense quota is the site's maximum of managed Macs");
        assertEquals(40, activated.remainingManagedComputers);
        assertFalse(activated.offlineUse);
        assertTrue(activated.activationKey.startsWith("kpa_"), activated.activationKey);
        assertFalse(activated.licenseKey.equals(siteKey.getString("key")), "the key is masked (L9)");
        String payload = Proxies.verify(activated.document).orElseThrow(() -> new AssertionError("the document verifies (S9)"));
        assertTrue(payload.contains("\"maxManagedComputers\":40") && payload.contains("\"type\":\"proxy\""), payload);
        String activationKey = activated.activationKey;

        UsageAck first = proxy.reportUsage(activationKey, today.minusDays(14).toString(), 30);
        assertTrue(first.accepted && !first.overLimit, "30 of 40");
        assertFalse(proxy.reportUsage(activationKey, today.minusDays(7).toString(), 38).overLimit);
        UsageAck over = proxy.reportUsage(activationKey, today.toString(), 45);
        assertTrue(over.accepted && over.overLimit && over.maxManagedComputers == 40, "45 of 40 is over the limit (S6)");
        assertFalse(proxy.canEnroll(activationKey, 45).allowed, "no new Mac while over the limit");

        JsonObject listed = proxyOf(account, "T12");
        assertTrue(listed.getBoolean("overLimit"), listed.toString());
        assertEquals(45, listed.getInt("usedManagedComputers"));
        assertEquals(3, Http.get("/api/v1/admin/proxies/" + listed.getString("id") + "/usage", Members.administrator(account).headers())
                .json().getJsonArray("items").size(), "three report dates (S5)");

        Http.Answer raised = Http.call("PATCH", "/api/v1/admin/keys/" + siteKey.getString("id"), "{\"quota\":60}",
                Members.administrator(account).headers());
        assertEquals(200, raised.status(), raised.body());
        LicenseInfo refreshed = proxy.refreshLicense(activationKey);
        assertEquals(60, refreshed.maxManagedComputers, "a refresh shows the raised maximum (S4)");
        assertEquals(45, refreshed.usedManagedComputers);
        assertEquals(15, refreshed.remainingManagedComputers);
        assertTrue(proxy.canEnroll(activationKey, 45).allowed);
        assertFalse(proxyOf(account, "T12").getBoolean("overLimit"), "no longer flagged");

        assertTrue(proxy.deactivateLicense(activationKey).released, "released at once (S7)");
        assertEquals("DEACTIVATED", proxy.refreshLicense(activationKey).status);
        LicenseInfo otherSite = proxy.activateLicense(siteKey.getString("key"), "sccm-t13.example.com", "T13", "Branch", "5.2.1");
        assertEquals("ACTIVE", otherSite.status, "the released key activates another site");
        assertTrue(Http.get("/api/v1/admin/activity?action=PROXY.*", Members.administrator(account).headers()).body()
                .contains("PROXY.DEACTIVATED"), "in the activity log");

        proxy.activateLicense(account.subscription().primaryKey(), "sccm-x.example.com", "T14", "=HYPERLINK(\"http://evil\")", "5.2.1");
        Http.Answer csv = Http.get("/api/v1/admin/proxies/export.csv", Members.administrator(account).headers());
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.body().startsWith("\"Server name\""), csv.body());
        assertTrue(csv.body().contains("\"T13\"") && csv.body().contains("\"T12\""), "every proxy of the account: " + csv.body());
        assertTrue(csv.body().contains("\"'=HYPERLINK"), "a formula is neutralised (S8, formula-safe): " + csv.body());
    }

    @Test
    void twentyProxiesRaceForOneKeyAndExactlyOneWins_S1() {
        Accounts.Business account = Proxies.accountWithFleet(50);
        String key = account.subscription().primaryKey();
        List<Callable<Proxies.Soap>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String site = "R" + (10 + i);
            calls.add(() -> Proxies.call("ActivateLicense", Map.of("licenseKey", key, "serverName", "sccm-" + site,
                    "siteCode", site)));
        }
        List<Proxies.Soap> answers = Concurrently.run(calls);
        assertEquals(1, answers.stream().filter(a -> a.status() == 200).count(), "exactly one activation");
        assertEquals(19, answers.stream().filter(a -> a.status() == 500 && "KEY_IN_USE".equals(a.faultCode())).count(),
                "19 KEY_IN_USE");
        assertEquals(1, Http.get("/api/v1/admin/proxies", Members.administrator(account).headers()).json().getInt("total"));
    }

    @Test
    void eachProductsKeysWorkOnlyThroughItsOwnInterface_S1() {
        Subscriptions.Issued desktop = Subscriptions.desktop(5);
        Proxies.Soap refused = Proxies.call("ActivateLicense", Map.of("licenseKey", desktop.primaryKey(), "serverName", "sccm",
                "siteCode", "D01"));
        assertEquals(500, refused.status());
        assertEquals("INVALID_KEY", refused.faultCode(), "the SOAP service refuses a desktop key");

        Subscriptions.Issued fleet = Proxies.fleetSubscription(10);
        Http.Answer client = Clients.activate(fleet.primaryKey(), Clients.newHardwareId());
        assertEquals(404, client.status(), client.body());
        assertEquals("INVALID_KEY", client.errorCode(), "the desktop client API refuses a fleet key");

        Accounts.Business account = Proxies.accountWithFleet(10);
        Http.Answer dynamic = Http.postJson("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys",
                "{\"name\":\"Pool\",\"type\":\"DYNAMIC\",\"quota\":3}", Members.administrator(account).headers());
        assertEquals(400, dynamic.status(), "no dynamic keys for the fleet product: " + dynamic.body());
        String primaryKeyId = Http.get("/api/v1/admin/subscriptions/" + account.subscription().id() + "/keys",
                Members.administrator(account).headers()).json().getJsonArray("items").getJsonObject(0).getString("id");
        Http.Answer invitation = Http.postJson("/api/v1/admin/keys/" + primaryKeyId + "/invitations",
                "{\"emails\":[\"someone@example.com\"],\"language\":\"EN\",\"expiresInDays\":7,\"send\":false}",
                Members.administrator(account).headers());
        assertEquals(400, invitation.status(), "no invitations to install for the fleet product: " + invitation.body());
    }

    /** CONTRACT section 3 on the wire: faultcode Client or Server, faultstring starting with the code, the detail. */
    @Test
    void rawSoapEnvelopesGetTheContractsFaults() {
        Proxies.Soap unknown = Proxies.call("RefreshLicense", Map.of("activationKey", "kpa_doesnotexist"));
        assertEquals(500, unknown.status(), unknown.body());
        assertEquals("INVALID_KEY", unknown.faultCode());
        assertClientFault(unknown);

        Accounts.Business account = Proxies.accountWithFleet(10);
        Proxies.activate(account.subscription().primaryKey(), "K01");
        Proxies.Soap inUse = Proxies.call("ActivateLicense", Map.of("licenseKey", account.subscription().primaryKey(),
                "serverName", "second", "siteCode", "K02"));
        assertEquals("KEY_IN_USE", inUse.faultCode());
        assertTrue(inUse.text("//faultstring").contains("K01"), "names the site holding the key: " + inUse.body());
        assertClientFault(inUse);

        Proxies.Soap invalid = Proxies.call("ActivateLicense", Map.of("licenseKey", account.subscription().primaryKey(),
                "serverName", "x", "siteCode", "not a site code!"));
        assertEquals("BAD_REQUEST", invalid.faultCode());

        Proxies.Soap badDate = Proxies.call("ReportUsage", Map.of("activationKey", "kpa_x", "reportDate", "yesterday",
                "managedComputers", "3"));
        assertEquals("BAD_REQUEST", badDate.faultCode());

        Proxies.Soap doctype = Proxies.post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + Proxies.SOAP_NS + "\"><soap:Body><k:RefreshLicense xmlns:k=\"" + Proxies.NS
                + "\"><activationKey>&e;</activationKey></k:RefreshLicense></soap:Body></soap:Envelope>");
        assertTrue(doctype.status() >= 400, "a DOCTYPE in a SOAP message is refused: " + doctype.status());
        assertFalse(doctype.body().contains("root:"), "no file was read");

        Proxies.Soap huge = Proxies.call("RefreshLicense", Map.of("activationKey", "k".repeat(70_000)));
        assertEquals(413, huge.status(), "over 64 KB is refused before it is parsed");
    }

    @Test
    void aPortalDeactivationReachesAnOnlineProxyAtItsNextRefreshAndFreesTheKey_S7() {
        Accounts.Business account = Proxies.accountWithFleet(10);
        String activationKey = Proxies.activate(account.subscription().primaryKey(), "P01");
        String proxyId = proxyOf(account, "P01").getString("id");
        Http.Answer deactivated = Http.postJson("/api/v1/admin/proxies/" + proxyId + "/deactivation", "",
                Members.administrator(account).headers());
        assertEquals(200, deactivated.status(), deactivated.body());
        assertEquals("DEACTIVATED", deactivated.json().getString("status"), "online: released at once");
        Proxies.Soap refresh = Proxies.call("RefreshLicense", Map.of("activationKey", activationKey));
        assertEquals("DEACTIVATED", refresh.text("//LicenseInfo/status"));
        Proxies.activate(account.subscription().primaryKey(), "P02");
    }

    /** L7 for the fleet: deleting a key releases its proxy once confirmed; the proxy learns it at its next refresh. */
    @Test
    void deletingAFleetKeyReleasesItsProxyOnceConfirmed_L7_S7() {
        Accounts.Business account = Proxies.accountWithFleet(30);
        JsonObject site = account.createKey("Site D40", "RESERVED", 10);
        String activationKey = Proxies.activate(site.getString("key"), "D40");
        Http.Answer unconfirmed = Http.call("DELETE", "/api/v1/admin/keys/" + site.getString("id"), null,
                Members.administrator(account).headers());
        assertEquals(409, unconfirmed.status(), unconfirmed.body());
        assertEquals(1, unconfirmed.json().getInt("wouldDeactivate"));
        Http.Answer deleted = Http.call("DELETE", "/api/v1/admin/keys/" + site.getString("id") + "?confirm=true", null,
                Members.administrator(account).headers());
        assertTrue(deleted.status() == 200 || deleted.status() == 204, deleted.status() + " " + deleted.body());
        Proxies.Soap refresh = Proxies.call("RefreshLicense", Map.of("activationKey", activationKey));
        assertEquals("DEACTIVATED", refresh.text("//LicenseInfo/status"), refresh.body());
    }

    /** A6 for the fleet: a license administrator sees and deactivates the proxy of their key, no other. */
    @Test
    void aLicenseAdministratorSeesAndDeactivatesOnlyTheProxiesOfTheirKeys_S8() {
        Accounts.Business account = Proxies.accountWithFleet(100);
        JsonObject mine = account.createKey("Site M01", "RESERVED", 10);
        JsonObject theirs = account.createKey("Site M02", "RESERVED", 10);
        Proxies.activate(mine.getString("key"), "M01");
        Proxies.activate(theirs.getString("key"), "M02");
        Members.Member licenseAdministrator = Members.join(account);
        Members.setRole(account, licenseAdministrator, "LICENSE_ADMINISTRATOR", mine.getString("id"));
        JsonObject list = Http.get("/api/v1/admin/proxies", licenseAdministrator.headers()).json();
        assertEquals(1, list.getInt("total"), list.toString());
        assertEquals("M01", list.getJsonArray("items").getJsonObject(0).getString("siteCode"));
        String other = proxyOf(account, "M02").getString("id");
        assertEquals(404, Http.get("/api/v1/admin/proxies/" + other, licenseAdministrator.headers()).status());
        assertEquals(404, Http.postJson("/api/v1/admin/proxies/" + other + "/deactivation", "", licenseAdministrator.headers()).status());
        Http.Answer own = Http.postJson("/api/v1/admin/proxies/" + proxyOf(account, "M01").getString("id") + "/deactivation", "",
                licenseAdministrator.headers());
        assertEquals("DEACTIVATED", own.json().getString("status"), own.body());
        assertEquals("ACTIVE", proxyOf(account, "M02").getString("status"), "the other proxy is untouched");
        Members.Member regular = Members.join(account);
        assertEquals(403, Http.get("/api/v1/admin/proxies", regular.headers()).status(), "regular members manage no proxies");
    }

    @Test
    void aDocumentAlteredAfterSigningFailsVerification_S9() {
        Accounts.Business account = Proxies.accountWithFleet(10);
        Proxies.Soap activated = Proxies.call("ActivateLicense", Map.of("licenseKey", account.subscription().primaryKey(),
                "serverName", "sccm", "siteCode", "V01"));
        String document = activated.text("//LicenseInfo/document");
        assertTrue(Proxies.verify(document).isPresent());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(document.substring(0, document.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
        String raised = payload.replace("\"maxManagedComputers\":10", "\"maxManagedComputers\":10000");
        assertFalse(raised.equals(payload));
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raised.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + document.substring(document.indexOf('.'));
        assertTrue(Proxies.verify(forged).isEmpty(), "an altered document does not verify with the published key");
    }

    @Test
    void aClientOfTheServedWsdlReceivesFaultsWithTheirCode() {
        ProxyLicensingClient proxy = ProxyClients.fromServedWsdl();
        SOAPFaultException fault = org.junit.jupiter.api.Assertions.assertThrows(SOAPFaultException.class,
                () -> proxy.refreshLicense("kpa_unknown"));
        SOAPFault soapFault = fault.getFault();
        assertTrue(soapFault.getFaultString().startsWith("INVALID_KEY: "), soapFault.getFaultString());
        assertEquals("Client", soapFault.getFaultCodeAsQName().getLocalPart());
        assertEquals(Proxies.SOAP_NS, soapFault.getFaultCodeAsQName().getNamespaceURI());
    }

    private static void assertClientFault(Proxies.Soap fault) {
        // faultcode is a QName: resolve its prefix in the document instead of trusting the prefix's spelling
        String faultCode = fault.text("/s:Envelope/s:Body/s:Fault/faultcode");
        String prefix = faultCode.substring(0, faultCode.indexOf(':'));
        String namespace = Proxies.text(fault.body(), "string(/s:Envelope/s:Body/s:Fault/faultcode/namespace::*[name()='" + prefix + "'])");
        List<Executable> checks = List.of(
                () -> assertEquals(Proxies.SOAP_NS, namespace, faultCode),
                () -> assertEquals("Client", faultCode.substring(faultCode.indexOf(':') + 1)));
        org.junit.jupiter.api.Assertions.assertAll(checks);
    }

    static JsonObject proxyOf(Accounts.Business account, String siteCode) {
        return Http.get("/api/v1/admin/proxies?size=500", Members.administrator(account).headers()).json()
                .getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(p -> p.getString("siteCode").equals(siteCode)).findFirst()
                .orElseThrow(() -> new AssertionError("no proxy of site " + siteCode));
    }
}
