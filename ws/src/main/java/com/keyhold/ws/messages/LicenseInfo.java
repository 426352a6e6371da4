package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code LicenseInfo} type of CONTRACT section 3. */
@XmlType(name = "LicenseInfo", namespace = Soap.NAMESPACE, propOrder = {"activationKey", "licenseKey", "status", "startDate", "endDate", "maxManagedComputers", "usedManagedComputers", "remainingManagedComputers", "offlineUse", "document"})
@XmlAccessorType(XmlAccessType.FIELD)
public class LicenseInfo {

    @XmlElement(name = "activationKey", required = true)
    public String activationKey;

    @XmlElement(name = "licenseKey", required = true)
    public String licenseKey;

    @XmlElement(name = "status", required = true)
    public String status;

    @XmlSchemaType(name = "date")
    @XmlElement(name = "startDate", required = true)
    public String startDate;

    @XmlSchemaType(name = "date")
    @XmlElement(name = "endDate", required = true)
    public String endDate;

    @XmlElement(name = "maxManagedComputers", required = true)
    public int maxManagedComputers;

    @XmlElement(name = "usedManagedComputers", required = true)
    public int usedManagedComputers;

    @XmlElement(name = "remainingManagedComputers", required = true)
    public int remainingManagedComputers;

    @XmlElement(name = "offlineUse", required = true)
    public boolean offlineUse;

    @XmlElement(name = "document", required = true)
    public String document;
}
