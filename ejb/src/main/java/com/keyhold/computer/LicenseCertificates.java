package com.keyhold.computer;

import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.signing.SigningKeyService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;

/**
 * The signed license document a computer receives (SPEC S9, CONTRACT section 5): who it is for,
 * the masked key, status, expiry, seats and configuration profile, signed with the server's key.
 */
@Stateless
public class LicenseCertificates {

    /** The built-in profile of keys without one (SPEC P2). */
    public static final String DEFAULT_PROFILE = "{\"name\":\"Default\",\"payloads\":[]}";

    @EJB
    SigningKeyService signingKeys;

    public String forComputer(Activation activation, ClientStatus status, Instant now) {
        JsonObject payload = Json.createObjectBuilder()
                .add("type", "computer")
                .add("licenseKey", LicenseKeyFormat.mask(activation.getLicenseKey().getKeyValue()))
                .add("keyName", activation.getLicenseKey().getName())
                .add("subject", activation.getId())
                .add("hardwareId", activation.getHardwareId())
                .add("status", status.name())
                .add("expiresAt", activation.getLicenseKey().expiresAt().toString())
                .add("seats", 1)
                .add("product", activation.getSubscription().getProduct().getCode())
                .add("issuedAt", now.toString())
                .add("configurationProfile", Json.createReader(new StringReader(DEFAULT_PROFILE)).readObject())
                .build();
        return signingKeys.sign(payload.toString());
    }
}
