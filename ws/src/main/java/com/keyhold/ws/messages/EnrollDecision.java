package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code EnrollDecision} type of CONTRACT section 3. */
@XmlType(name = "EnrollDecision", namespace = Soap.NAMESPACE, propOrder = {"allowed", "remaining"})
@XmlAccessorType(XmlAccessType.FIELD)
public class EnrollDecision {

    @XmlElement(name = "allowed", required = true)
    public boolean allowed;

    @XmlElement(name = "remaining", required = true)
    public int remaining;
}
