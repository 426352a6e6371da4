package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code DeactivateLicenseResponse} element of CONTRACT section 3. */
@XmlRootElement(name = "DeactivateLicenseResponse", namespace = Soap.NAMESPACE)
@XmlType(name = "DeactivateLicenseResponse", namespace = Soap.NAMESPACE, propOrder = {"DeactivationAck"})
@XmlAccessorType(XmlAccessType.FIELD)
public class DeactivateLicenseResponse {

    @XmlElement(name = "DeactivationAck", required = true)
    public DeactivationAck DeactivationAck;
}
