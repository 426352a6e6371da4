package com.keyhold.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/**
 * The fleet product from outside, as an SCCM proxy and its administrator see it: raw SOAP 1.1
 * envelopes over plain HTTP (CONTRACT section 3, as an old proxy would send them), request files
 * (section 4), and signed documents checked against the published key (section 5). Answers are read
 * with namespace-aware XPath ({@code s:} SOAP envelope, {@code k:} the service, {@code o:} offline
 * files), never by prefix.
 */
public final class Proxies {

    public static final String NS = "urn:keyhold:proxy:v1";
    public static final String OFFLINE_NS = "urn:keyhold:offline:v1";
    public static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String PATH = "/ws/proxy-licensing";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Proxies() {
    }

    /** A fleet subscription valid from yesterday for a year. */
    public static Subscriptions.Issued fleetSubscription(int managedMacs) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Subscriptions.issue("FLEET", managedMacs, today.minusDays(1), today.plusYears(1));
    }

    /** A business account (new administrator) with a registered fleet subscription. */
    public static Accounts.Business accountWithFleet(int managedMacs) {
        String email = Users.uniqueEmail("sccm");
        Users.signUp(email);
        String token = Users.tokenFor(email);
        Subscriptions.Issued subscription = fleetSubscription(managedMacs);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey()
                + "\",\"company\":{\"name\":\"Fleet " + email.substring(5, 13) + "\",\"country\":\"DE\",\"zip\":\"10115\",\"phone\":\"+49 30 1\"}}",
                "Authorization", Http.bearer(token));
        assertEquals(201, registered.status(), registered.body());
        return new Accounts.Business(token, registered.json().getString("accountId"), subscription);
    }

    /**
     * A proxy in an existing business account: a new fleet subscription registered into the account
     * by its administrator ({@code X-Account-Id}), and a proxy activated with its key. Returns the proxy's id.
     */
    public static String proxyIn(Members.Member administrator, String siteCode) {
        Subscriptions.Issued subscription = fleetSubscription(10);
        Http.Answer registered = Http.postJson("/api/v1/admin/registrations", "{\"key\":\"" + subscription.primaryKey() + "\"}",
                "Authorization", Http.bearer(administrator.token()), "X-Account-Id", administrator.accountId());
        assertEquals(201, registered.status(), registered.body());
        activate(subscription.primaryKey(), siteCode);
        return Http.get("/api/v1/admin/proxies?size=500", administrator.headers()).json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("siteCode").equals(siteCode)).findFirst()
                .orElseThrow().getString("id");
    }

    /** One SOAP 1.1 call: the operation's wrapper element with unqualified children, as CONTRACT section 3 fixes them. */
    public static Soap call(String operation, Map<String, String> children) {
        StringBuilder body = new StringBuilder("<k:").append(operation).append(" xmlns:k=\"").append(NS).append("\">");
        children.forEach((name, value) -> body.append('<').append(name).append('>').append(escape(value))
                .append("</").append(name).append('>'));
        body.append("</k:").append(operation).append('>');
        return post(envelope(body.toString()));
    }

    public static String envelope(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_NS + "\"><soap:Body>"
                + body + "</soap:Body></soap:Envelope>";
    }

    public static Soap post(String envelope) {
        Http.Answer answer = Http.send(Http.request(PATH).header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build());
        return new Soap(answer.status(), answer.body());
    }

    /** Activates a proxy online; returns its activation key. */
    public static String activate(String licenseKey, String siteCode) {
        Soap answer = call("ActivateLicense", Map.of("licenseKey", licenseKey, "serverName", "sccm-" + siteCode.toLowerCase()
                + ".example.com", "siteCode", siteCode, "siteDescription", "Site " + siteCode, "appVersion", "5.2.1"));
        assertEquals(200, answer.status(), answer.body());
        return answer.text("//k:ActivateLicenseResponse/LicenseInfo/activationKey");
    }

    /** A SOAP answer, read with namespace-aware XPath. */
    public record Soap(int status, String body) {

        public String text(String xpath) {
            return Proxies.text(body, xpath);
        }

        /** The CONTRACT code of a fault: the detail's code, after checking the faultstring starts with it. */
        public String faultCode() {
            String code = text("/s:Envelope/s:Body/s:Fault/detail/k:keyholdFault/code");
            String faultString = text("/s:Envelope/s:Body/s:Fault/faultstring");
            assertEquals(true, faultString.startsWith(code + ": "), "faultstring " + faultString + " starts with " + code);
            return code;
        }
    }

    public static String text(String xml, String xpath) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            XPath path = XPathFactory.newInstance().newXPath();
            path.setNamespaceContext(NAMESPACES);
            return (String) path.evaluate(xpath, document, XPathConstants.STRING);
        } catch (Exception e) {
            throw new AssertionError("not XML (" + e.getMessage() + "): " + xml, e);
        }
    }

    private static final NamespaceContext NAMESPACES = new NamespaceContext() {
        @Override
        public String getNamespaceURI(String prefix) {
            return switch (prefix) {
                case "s" -> SOAP_NS;
                case "k" -> NS;
                case "o" -> OFFLINE_NS;
                case "w" -> "http://schemas.xmlsoap.org/wsdl/";
                case "xs" -> "http://www.w3.org/2001/XMLSchema";
                default -> "";
            };
        }

        @Override
        public String getPrefix(String uri) {
            return null;
        }

        @Override
        public java.util.Iterator<String> getPrefixes(String uri) {
            return null;
        }
    };

    /** A request file as a proxy writes it (CONTRACT section 4), with a fresh nonce. */
    public static String requestFile(String type, String keyElement, String keyValue, String siteCode, Instant createdAt) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<offlineRequest xmlns=\"" + OFFLINE_NS + "\" type=\"" + type + "\">"
                + "<" + keyElement + ">" + keyValue + "</" + keyElement + ">"
                + "<serverName>sccm-" + siteCode.toLowerCase() + ".closed.example</serverName><siteCode>" + siteCode
                + "</siteCode><siteDescription>Closed network " + siteCode + "</siteDescription><appVersion>5.2.1</appVersion>"
                + "<nonce>" + Base64.getEncoder().encodeToString(nonce) + "</nonce><createdAt>" + createdAt + "</createdAt>"
                + "</offlineRequest>";
    }

    /** Uploads a request file through the admin API (CONTRACT section 4). */
    public static Http.Answer upload(String file, String... headers) {
        HttpRequest.Builder request = Http.request("/api/v1/admin/offline-requests").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Http.send(request.build());
    }

    /** The payload of a signed document when it verifies with the published key (CONTRACT section 5); empty otherwise. */
    public static Optional<String> verify(String document) {
        try {
            byte[] published = Base64.getDecoder().decode(Http.get("/api/v1/signing-key").json().getString("publicKey"));
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(published));
            int dot = document.indexOf('.');
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(document.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(Base64.getUrlDecoder().decode(document.substring(dot + 1)))) {
                return Optional.empty();
            }
            return Optional.of(new String(Base64.getUrlDecoder().decode(document.substring(0, dot)), StandardCharsets.UTF_8));
        } catch (Exception malformed) {
            return Optional.empty();
        }
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
