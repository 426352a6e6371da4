package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code ReportUsageResponse} element of CONTRACT section 3. */
@XmlRootElement(name = "ReportUsageResponse", namespace = Soap.NAMESPACE)
@XmlType(name = "ReportUsageResponse", namespace = Soap.NAMESPACE, propOrder = {"UsageAck"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ReportUsageResponse {

    @XmlElement(name = "UsageAck", required = true)
    public UsageAck UsageAck;
}
