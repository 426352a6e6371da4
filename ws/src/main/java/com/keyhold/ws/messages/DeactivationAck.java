package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code DeactivationAck} type of CONTRACT section 3. */
@XmlType(name = "DeactivationAck", namespace = Soap.NAMESPACE, propOrder = {"released"})
@XmlAccessorType(XmlAccessType.FIELD)
public class DeactivationAck {

    @XmlElement(name = "released", required = true)
    public boolean released;
}
