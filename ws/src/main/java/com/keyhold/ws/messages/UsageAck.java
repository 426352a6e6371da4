package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code UsageAck} type of CONTRACT section 3. */
@XmlType(name = "UsageAck", namespace = Soap.NAMESPACE, propOrder = {"accepted", "overLimit", "maxManagedComputers"})
@XmlAccessorType(XmlAccessType.FIELD)
public class UsageAck {

    @XmlElement(name = "accepted", required = true)
    public boolean accepted;

    @XmlElement(name = "overLimit", required = true)
    public boolean overLimit;

    @XmlElement(name = "maxManagedComputers", required = true)
    public int maxManagedComputers;
}
