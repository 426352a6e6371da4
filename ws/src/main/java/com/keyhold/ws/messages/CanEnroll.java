package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code CanEnroll} element of CONTRACT section 3. */
@XmlRootElement(name = "CanEnroll", namespace = Soap.NAMESPACE)
@XmlType(name = "CanEnroll", namespace = Soap.NAMESPACE, propOrder = {"activationKey", "managedComputers"})
@XmlAccessorType(XmlAccessType.FIELD)
public class CanEnroll {

    @XmlElement(name = "activationKey", required = true)
    public String activationKey;

    @XmlElement(name = "managedComputers", required = true)
    public int managedComputers;
}
