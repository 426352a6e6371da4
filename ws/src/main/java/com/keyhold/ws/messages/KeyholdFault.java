package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The detail of every fault (CONTRACT section 3): {@code <k:keyholdFault><code>KEY_IN_USE</code></k:keyholdFault>}. */
@XmlRootElement(name = "keyholdFault", namespace = Soap.NAMESPACE)
@XmlType(name = "keyholdFault", namespace = Soap.NAMESPACE, propOrder = {"code"})
@XmlAccessorType(XmlAccessType.FIELD)
public class KeyholdFault {

    @XmlElement(name = "code", required = true)
    public String code;
}
