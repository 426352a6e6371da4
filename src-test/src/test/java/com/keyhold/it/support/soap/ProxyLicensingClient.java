package com.keyhold.it.support.soap;

import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;

/** The proxy licensing port as CONTRACT section 3 fixes it; faults arrive as {@code SOAPFaultException}. */
@WebService(name = "ProxyLicensing", targetNamespace = ProxyLicensingClient.NS)
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL, parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public interface ProxyLicensingClient {

    String NS = "urn:keyhold:proxy:v1";

    @WebMethod(operationName = "ActivateLicense")
    @WebResult(name = "LicenseInfo")
    @RequestWrapper(localName = "ActivateLicense", targetNamespace = NS)
    @ResponseWrapper(localName = "ActivateLicenseResponse", targetNamespace = NS)
    LicenseInfo activateLicense(@WebParam(name = "licenseKey") String licenseKey, @WebParam(name = "serverName") String serverName,
            @WebParam(name = "siteCode") String siteCode, @WebParam(name = "siteDescription") String siteDescription,
            @WebParam(name = "appVersion") String appVersion);

    @WebMethod(operationName = "RefreshLicense")
    @WebResult(name = "LicenseInfo")
    @RequestWrapper(localName = "RefreshLicense", targetNamespace = NS)
    @ResponseWrapper(localName = "RefreshLicenseResponse", targetNamespace = NS)
    LicenseInfo refreshLicense(@WebParam(name = "activationKey") String activationKey);

    @WebMethod(operationName = "ReportUsage")
    @WebResult(name = "UsageAck")
    @RequestWrapper(localName = "ReportUsage", targetNamespace = NS)
    @ResponseWrapper(localName = "ReportUsageResponse", targetNamespace = NS)
    UsageAck reportUsage(@WebParam(name = "activationKey") String activationKey, @WebParam(name = "reportDate") String reportDate,
            @WebParam(name = "managedComputers") int managedComputers);

    @WebMethod(operationName = "CanEnroll")
    @WebResult(name = "EnrollDecision")
    @RequestWrapper(localName = "CanEnroll", targetNamespace = NS)
    @ResponseWrapper(localName = "CanEnrollResponse", targetNamespace = NS)
    EnrollDecision canEnroll(@WebParam(name = "activationKey") String activationKey,
            @WebParam(name = "managedComputers") int managedComputers);

    @WebMethod(operationName = "DeactivateLicense")
    @WebResult(name = "DeactivationAck")
    @RequestWrapper(localName = "DeactivateLicense", targetNamespace = NS)
    @ResponseWrapper(localName = "DeactivateLicenseResponse", targetNamespace = NS)
    DeactivationAck deactivateLicense(@WebParam(name = "activationKey") String activationKey);
}
