package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code CanEnrollResponse} element of CONTRACT section 3. */
@XmlRootElement(name = "CanEnrollResponse", namespace = Soap.NAMESPACE)
@XmlType(name = "CanEnrollResponse", namespace = Soap.NAMESPACE, propOrder = {"EnrollDecision"})
@XmlAccessorType(XmlAccessType.FIELD)
public class CanEnrollResponse {

    @XmlElement(name = "EnrollDecision", required = true)
    public EnrollDecision EnrollDecision;
}
