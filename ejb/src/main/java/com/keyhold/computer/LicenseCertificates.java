package com.keyhold.computer;

import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.profile.ProfilePayloads;
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
    public static final String DEFAULT_PROFILE = ProfilePayloads.DEFAULT_JSON;

    @EJB
    SigningKeyService signingKeys;

    /** {@code profileJson}: the key's configuration profile as clients receive it (SPEC P2, {@link ProfilePayloads}). */
    public String forComputer(Activation activation, ClientStatus status, String profileJson, Instant now) {
        JsonObject payload = Json.createObjectBuilder()
                .add("type", "computer")
                // O2: a corporate subscription's computers have no key; CONTRACT 2 names it "SSO"
                .add("licenseKey", activation.getSubscription().isSingleSignOn() ? "SSO"
                        : LicenseKeyFormat.mask(activation.getLicenseKey().getKeyValue()))
                .add("keyName", ActivationService.keyNameOf(activation))
                .add("subject", activation.getId())
                .add("hardwareId", activation.getHardwareId())
                .add("status", status.name())
                .add("expiresAt", activation.getLicenseKey().expiresAt().toString())
                .add("seats", 1)
                .add("product", activation.getSubscription().getProduct().getCode())
                .add("issuedAt", now.toString())
                .add("configurationProfile", Json.createReader(new StringReader(profileJson)).readObject())
                .build();
        return signingKeys.sign(payload.toString());
    }
}
