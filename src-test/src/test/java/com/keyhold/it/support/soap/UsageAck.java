package com.keyhold.it.support.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** {@code UsageAck} as CONTRACT section 3 describes it (children unqualified). */
@XmlType(name = "UsageAck", namespace = ProxyLicensingClient.NS, propOrder = {"accepted", "overLimit", "maxManagedComputers"})
@XmlAccessorType(XmlAccessType.FIELD)
public class UsageAck {
    public boolean accepted;
    public boolean overLimit;
    public int maxManagedComputers;
}
