package com.keyhold.it.support.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** {@code EnrollDecision} as CONTRACT section 3 describes it (children unqualified). */
@XmlType(name = "EnrollDecision", namespace = ProxyLicensingClient.NS, propOrder = {"allowed", "remaining"})
@XmlAccessorType(XmlAccessType.FIELD)
public class EnrollDecision {
    public boolean allowed;
    public int remaining;
}
