package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code ActivateLicense} element of CONTRACT section 3. */
@XmlRootElement(name = "ActivateLicense", namespace = Soap.NAMESPACE)
@XmlType(name = "ActivateLicense", namespace = Soap.NAMESPACE, propOrder = {"licenseKey", "serverName", "siteCode", "siteDescription", "appVersion"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ActivateLicense {

    @XmlElement(name = "licenseKey", required = true)
    public String licenseKey;

    @XmlElement(name = "serverName", required = true)
    public String serverName;

    @XmlElement(name = "siteCode", required = true)
    public String siteCode;

    @XmlElement(name = "siteDescription")
    public String siteDescription;

    @XmlElement(name = "appVersion")
    public String appVersion;
}
