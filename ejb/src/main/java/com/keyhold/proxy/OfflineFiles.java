package com.keyhold.proxy;

import com.keyhold.common.KeyholdException;
import com.keyhold.common.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads request files and writes response files (CONTRACT section 4, SPEC S3, S9). The parser
 * refuses any DOCTYPE (so no entity, internal or external, is ever expanded: no file or URL is read
 * and no billion laughs), XInclude and external schemas; a request must be fresh (at most 30 days
 * old, not from the future beyond a day of clock skew) and carry a nonce of at least 16 random bytes.
 * Plain Java, tested without a server.
 */
public final class OfflineFiles {

    public static final String NAMESPACE = "urn:keyhold:offline:v1";
    public static final int MAX_BYTES = 1024 * 1024;
    static final Duration MAX_AGE = Duration.ofDays(30);
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private OfflineFiles() {
    }

    /** Parses and checks a request file received at {@code now}; anything malformed or hostile is BAD_REQUEST. */
    public static OfflineRequest parse(byte[] file, Instant now) {
        if (file == null || file.length == 0) {
            throw KeyholdException.badRequest("file", "is empty: upload the request file the proxy saved");
        }
        Document document;
        try {
            document = secureBuilder().parse(new ByteArrayInputStream(file));
        } catch (SAXException | IOException e) {
            throw KeyholdException.badRequest("file", "is not a well-formed request file without a DOCTYPE ("
                    + firstLine(e.getMessage()) + ")");
        }
        Element root = document.getDocumentElement();
        if (!NAMESPACE.equals(root.getNamespaceURI()) || !"offlineRequest".equals(root.getLocalName())) {
            throw KeyholdException.badRequest("file", "is not an offline request (expected <offlineRequest xmlns=\""
                    + NAMESPACE + "\">)");
        }
        List<Violation> violations = new ArrayList<>();
        OfflineRequest.Type type = null;
        try {
            type = OfflineRequest.Type.valueOf(root.getAttribute("type"));
        } catch (IllegalArgumentException unknown) {
            violations.add(new Violation("type", "must be ACTIVATE, REFRESH or DEACTIVATE"));
        }
        String nonce = child(root, "nonce");
        if (nonce == null || nonce.length() > 128 || decodedLength(nonce) < 16) {
            violations.add(new Violation("nonce", "must be at least 16 random bytes in base64"));
        }
        Instant createdAt = null;
        try {
            createdAt = Instant.parse(String.valueOf(child(root, "createdAt")));
            if (createdAt.isBefore(now.minus(MAX_AGE))) {
                violations.add(new Violation("createdAt", "the request is older than 30 days: let the proxy write a new one"));
            } else if (createdAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
                violations.add(new Violation("createdAt", "lies in the future: check the proxy server's clock"));
            }
        } catch (DateTimeParseException malformed) {
            violations.add(new Violation("createdAt", "must be an ISO-8601 instant such as 2026-11-23T10:15:30Z"));
        }
        String licenseKey = child(root, "licenseKey");
        String activationKey = child(root, "activationKey");
        if (type == OfflineRequest.Type.ACTIVATE && (licenseKey == null || licenseKey.isBlank())) {
            violations.add(new Violation("licenseKey", "is required to activate"));
        }
        if (type != null && type != OfflineRequest.Type.ACTIVATE && (activationKey == null || activationKey.isBlank())) {
            violations.add(new Violation("activationKey", "is required to refresh or deactivate"));
        }
        if (!violations.isEmpty()) {
            throw KeyholdException.badRequest(violations);
        }
        SiteDetails site = new SiteDetails(child(root, "serverName"), child(root, "siteCode"), child(root, "siteDescription"),
                child(root, "appVersion"));
        return new OfflineRequest(type, licenseKey, activationKey, site, nonce.strip(), createdAt);
    }

    /** The response file: the children of {@code LicenseInfo} (CONTRACT section 3) and the signed document. */
    public static byte[] response(OfflineRequest.Type type, ProxyLicense license) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            // unprefixed elements under one default namespace declaration: the children inherit it
            xml.writeStartElement("offlineResponse");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("type", type.name());
            element(xml, "activationKey", license.activationKey());
            element(xml, "licenseKey", license.licenseKey());
            element(xml, "status", license.status());
            element(xml, "startDate", license.startDate().toString());
            element(xml, "endDate", license.endDate().toString());
            element(xml, "maxManagedComputers", Integer.toString(license.maxManagedComputers()));
            element(xml, "usedManagedComputers", Integer.toString(license.usedManagedComputers()));
            element(xml, "remainingManagedComputers", Integer.toString(license.remainingManagedComputers()));
            element(xml, "offlineUse", Boolean.toString(license.offlineUse()));
            element(xml, "document", license.document());
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write a response file", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }

    private static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not read");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser lacks a required security feature", e);
        }
    }

    /** The text of the first child element of that name in the request's namespace, stripped; null when absent. */
    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && NAMESPACE.equals(element.getNamespaceURI())
                    && name.equals(element.getLocalName())) {
                String text = element.getTextContent();
                return text == null ? null : text.strip();
            }
        }
        return null;
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip()).length;
        } catch (IllegalArgumentException notBase64) {
            return 0;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse("unreadable");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
