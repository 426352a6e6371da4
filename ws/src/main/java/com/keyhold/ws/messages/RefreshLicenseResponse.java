package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code RefreshLicenseResponse} element of CONTRACT section 3. */
@XmlRootElement(name = "RefreshLicenseResponse", namespace = Soap.NAMESPACE)
@XmlType(name = "RefreshLicenseResponse", namespace = Soap.NAMESPACE, propOrder = {"LicenseInfo"})
@XmlAccessorType(XmlAccessType.FIELD)
public class RefreshLicenseResponse {

    @XmlElement(name = "LicenseInfo", required = true)
    public LicenseInfo LicenseInfo;
}
