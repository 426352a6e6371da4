package com.keyhold.it.support.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** {@code DeactivationAck} as CONTRACT section 3 describes it (children unqualified). */
@XmlType(name = "DeactivationAck", namespace = ProxyLicensingClient.NS, propOrder = {"released"})
@XmlAccessorType(XmlAccessType.FIELD)
public class DeactivationAck {
    public boolean released;
}
