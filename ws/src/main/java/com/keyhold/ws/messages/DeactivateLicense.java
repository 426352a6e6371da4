package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code DeactivateLicense} element of CONTRACT section 3. */
@XmlRootElement(name = "DeactivateLicense", namespace = Soap.NAMESPACE)
@XmlType(name = "DeactivateLicense", namespace = Soap.NAMESPACE, propOrder = {"activationKey"})
@XmlAccessorType(XmlAccessType.FIELD)
public class DeactivateLicense {

    @XmlElement(name = "activationKey", required = true)
    public String activationKey;
}
