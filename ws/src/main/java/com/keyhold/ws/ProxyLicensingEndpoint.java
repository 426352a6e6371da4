package com.keyhold.ws;

import com.keyhold.common.ErrorCode;
import com.keyhold.proxy.EnrollDecision;
import com.keyhold.proxy.ProxyLicense;
import com.keyhold.proxy.ProxyLicensing;
import com.keyhold.proxy.SiteDetails;
import com.keyhold.proxy.UsageAck;
import com.keyhold.ws.messages.DeactivationAck;
import com.keyhold.ws.messages.LicenseInfo;
import com.keyhold.ws.messages.Soap;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * {@code /ws/proxy-licensing} (CONTRACT section 3): document/literal wrapped SOAP 1.1 for SCCM proxy
 * servers. Each operation hands its parameters to {@link ProxyLicensing} and turns the answer into
 * the contract's XML; every rule is in the ejb module. Served as a servlet endpoint (web.xml), the
 * portable way to give it the contract's address on Metro and CXF alike.
 */
@WebService(name = "ProxyLicensing", serviceName = "ProxyLicensingService", portName = "ProxyLicensingPort",
        targetNamespace = Soap.NAMESPACE)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public class ProxyLicensingEndpoint {

    private static final String MESSAGES = "com.keyhold.ws.messages.";

    @EJB
    ProxyLicensing licensing;

    @WebMethod(operationName = "ActivateLicense")
    @WebResult(name = "LicenseInfo")
    @RequestWrapper(localName = "ActivateLicense", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "ActivateLicense")
    @ResponseWrapper(localName = "ActivateLicenseResponse", targetNamespace = Soap.NAMESPACE,
            className = MESSAGES + "ActivateLicenseResponse")
    public LicenseInfo activateLicense(@WebParam(name = "licenseKey") String licenseKey,
            @WebParam(name = "serverName") String serverName, @WebParam(name = "siteCode") String siteCode,
            @WebParam(name = "siteDescription") String siteDescription, @WebParam(name = "appVersion") String appVersion)
            throws ProxyLicensingFault {
        return answer(() -> info(licensing.activate(licenseKey,
                new SiteDetails(serverName, siteCode, siteDescription, appVersion))));
    }

    @WebMethod(operationName = "RefreshLicense")
    @WebResult(name = "LicenseInfo")
    @RequestWrapper(localName = "RefreshLicense", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "RefreshLicense")
    @ResponseWrapper(localName = "RefreshLicenseResponse", targetNamespace = Soap.NAMESPACE,
            className = MESSAGES + "RefreshLicenseResponse")
    public LicenseInfo refreshLicense(@WebParam(name = "activationKey") String activationKey) throws ProxyLicensingFault {
        return answer(() -> info(licensing.refresh(activationKey)));
    }

    @WebMethod(operationName = "ReportUsage")
    @WebResult(name = "UsageAck")
    @RequestWrapper(localName = "ReportUsage", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "ReportUsage")
    @ResponseWrapper(localName = "ReportUsageResponse", targetNamespace = Soap.NAMESPACE,
            className = MESSAGES + "ReportUsageResponse")
    public com.keyhold.ws.messages.UsageAck reportUsage(@WebParam(name = "activationKey") String activationKey,
            @WebParam(name = "reportDate") String reportDate, @WebParam(name = "managedComputers") int managedComputers)
            throws ProxyLicensingFault {
        return answer(() -> {
            UsageAck ack = licensing.reportUsage(activationKey, date(reportDate), managedComputers);
            com.keyhold.ws.messages.UsageAck xml = new com.keyhold.ws.messages.UsageAck();
            xml.accepted = ack.accepted();
            xml.overLimit = ack.overLimit();
            xml.maxManagedComputers = ack.maxManagedComputers();
            return xml;
        });
    }

    @WebMethod(operationName = "CanEnroll")
    @WebResult(name = "EnrollDecision")
    @RequestWrapper(localName = "CanEnroll", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "CanEnroll")
    @ResponseWrapper(localName = "CanEnrollResponse", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "CanEnrollResponse")
    public com.keyhold.ws.messages.EnrollDecision canEnroll(@WebParam(name = "activationKey") String activationKey,
            @WebParam(name = "managedComputers") int managedComputers) throws ProxyLicensingFault {
        return answer(() -> {
            EnrollDecision decision = licensing.canEnroll(activationKey, managedComputers);
            com.keyhold.ws.messages.EnrollDecision xml = new com.keyhold.ws.messages.EnrollDecision();
            xml.allowed = decision.allowed();
            xml.remaining = decision.remaining();
            return xml;
        });
    }

    @WebMethod(operationName = "DeactivateLicense")
    @WebResult(name = "DeactivationAck")
    @RequestWrapper(localName = "DeactivateLicense", targetNamespace = Soap.NAMESPACE, className = MESSAGES + "DeactivateLicense")
    @ResponseWrapper(localName = "DeactivateLicenseResponse", targetNamespace = Soap.NAMESPACE,
            className = MESSAGES + "DeactivateLicenseResponse")
    public DeactivationAck deactivateLicense(@WebParam(name = "activationKey") String activationKey)
            throws ProxyLicensingFault {
        return answer(() -> {
            DeactivationAck ack = new DeactivationAck();
            ack.released = licensing.deactivate(activationKey);
            return ack;
        });
    }

    private static LicenseInfo info(ProxyLicense license) {
        LicenseInfo info = new LicenseInfo();
        info.activationKey = license.activationKey();
        info.licenseKey = license.licenseKey();
        info.status = license.status();
        info.startDate = license.startDate().toString();
        info.endDate = license.endDate().toString();
        info.maxManagedComputers = license.maxManagedComputers();
        info.usedManagedComputers = license.usedManagedComputers();
        info.remainingManagedComputers = license.remainingManagedComputers();
        info.offlineUse = license.offlineUse();
        info.document = license.document();
        return info;
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException malformed) {
            throw SoapFaults.fault(ErrorCode.BAD_REQUEST, "reportDate must be a date such as 2026-11-23.");
        }
    }

    /** Runs one operation; any failure leaves as the contract's fault. */
    private static <T> T answer(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (jakarta.xml.ws.soap.SOAPFaultException fault) {
            throw fault;
        } catch (RuntimeException failure) {
            throw SoapFaults.of(failure);
        }
    }
}
