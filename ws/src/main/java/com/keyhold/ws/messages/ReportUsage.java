package com.keyhold.ws.messages;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;

/** The {@code ReportUsage} element of CONTRACT section 3. */
@XmlRootElement(name = "ReportUsage", namespace = Soap.NAMESPACE)
@XmlType(name = "ReportUsage", namespace = Soap.NAMESPACE, propOrder = {"activationKey", "reportDate", "managedComputers"})
@XmlAccessorType(XmlAccessType.FIELD)
public class ReportUsage {

    @XmlElement(name = "activationKey", required = true)
    public String activationKey;

    @XmlSchemaType(name = "date")
    @XmlElement(name = "reportDate", required = true)
    public String reportDate;

    @XmlElement(name = "managedComputers", required = true)
    public int managedComputers;
}
