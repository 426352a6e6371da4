package com.keyhold.proxy;

import com.keyhold.licensekey.LicenseKeyFormat;
import com.keyhold.signing.SigningKeyService;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import java.time.Instant;

/**
 * The signed license document of a proxy (SPEC S9, CONTRACT section 5): the same format and key as
 * the computers' certificates, with {@code maxManagedComputers} instead of seats. Its subject is the
 * proxy's id, never its activation key (a document may be copied around; the key is a secret).
 */
@Stateless
public class ProxyDocuments {

    @EJB
    SigningKeyService signingKeys;

    public String sign(ProxyServer proxy, String status, int maxManaged, Integer usedManaged, Instant now) {
        return signingKeys.sign(Json.createObjectBuilder()
                .add("type", "proxy")
                .add("licenseKey", LicenseKeyFormat.mask(proxy.getLicenseKey().getKeyValue()))
                .add("keyName", proxy.getLicenseKey().getName())
                .add("subject", proxy.getId())
                .add("serverName", proxy.getServerName())
                .add("siteCode", proxy.getSiteCode())
                .add("status", status)
                .add("expiresAt", proxy.getLicenseKey().expiresAt().toString())
                .add("maxManagedComputers", maxManaged)
                .add("usedManagedComputers", usedManaged == null ? 0 : usedManaged)
                .add("offlineUse", proxy.isOfflineUse())
                .add("product", proxy.getSubscription().getProduct().getCode())
                .add("issuedAt", now.toString())
                .build().toString());
    }
}
