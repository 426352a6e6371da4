package com.keyhold.it.support.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** {@code LicenseInfo} as CONTRACT section 3 describes it (children unqualified). */
@XmlType(name = "LicenseInfo", namespace = ProxyLicensingClient.NS, propOrder = {"activationKey", "licenseKey", "status", "startDate", "endDate", "maxManagedComputers", "usedManagedComputers", "remainingManagedComputers", "offlineUse", "document"})
@XmlAccessorType(XmlAccessType.FIELD)
public class LicenseInfo {
    public String activationKey;
    public String licenseKey;
    public String status;
    public String startDate;
    public String endDate;
    public int maxManagedComputers;
    public int usedManagedComputers;
    public int remainingManagedComputers;
    public boolean offlineUse;
    public String document;
}
