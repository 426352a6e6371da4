package com.keyhold.account;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.licensekey.KeyType;
import com.keyhold.licensekey.LicenseKey;
import com.keyhold.licensekey.LicenseKeyFormat;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What a key typed on the Register Key page is, before it is registered (SPEC L2, A2): a business
 * product's key from the personal account needs the company's details (the seed's "Provide your
 * business details" dialog), a personal product's key registers straight away. It answers what
 * registering would answer for a key that cannot be registered ({@code INVALID_KEY},
 * {@code KEY_ALREADY_REGISTERED}), nothing more; registering decides again.
 */
@Stateless
public class KeyRecognition {

    /** The kind of product a registrable key is for. */
    public enum Kind {
        BUSINESS, PERSONAL
    }

    @PersistenceContext(unitName = "keyhold")
    EntityManager em;

    public Kind recognise(String key) {
        String keyValue = LicenseKeyFormat.normalize(key)
                .orElseThrow(() -> new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid."));
        LicenseKey licenseKey = em.createNamedQuery("LicenseKey.byValue", LicenseKey.class)
                .setParameter("value", keyValue).getResultStream()
                .filter(k -> k.getType() == KeyType.PRIMARY)
                .findFirst()
                .orElseThrow(() -> new KeyholdException(ErrorCode.INVALID_KEY, "This license key is not valid."));
        if (licenseKey.getSubscription().getAccount() != null) {
            throw new KeyholdException(ErrorCode.KEY_ALREADY_REGISTERED, "This license key is already registered.");
        }
        return licenseKey.getSubscription().getProduct().isBusiness() ? Kind.BUSINESS : Kind.PERSONAL;
    }
}
