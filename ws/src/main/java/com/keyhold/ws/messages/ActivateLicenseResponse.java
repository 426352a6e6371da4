package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code ActivateLicenseResponse} element of CONTRACT section 3. */
@XmlRootElement(name = "ActivateLicenseResponse", namespace = Soap.NAMESPACE)
@XmlType(name = "ActivateLicenseResponse", namespace = Soap.NAMESPACE, propOrder = {"LicenseInfo"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ActivateLicenseResponse {

    @XmlElement(name = "LicenseInfo", required = true)
    public LicenseInfo LicenseInfo;
}
