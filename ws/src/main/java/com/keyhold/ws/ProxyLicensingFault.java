package com.keyhold.ws;

import com.keyhold.ws.messages.KeyholdFault;
import jakarta.xml.ws.WebFault;

/**
 * Declares the service's fault in the WSDL ({@code k:keyholdFault}, CONTRACT section 3), so that
 * clients generated from it know the detail's shape. The endpoint itself answers with
 * {@link SoapFaults}, which sets the fault code (Client or Server) that a declared fault cannot.
 */
@WebFault(name = "keyholdFault", targetNamespace = com.keyhold.ws.messages.Soap.NAMESPACE)
public class ProxyLicensingFault extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient KeyholdFault faultInfo;

    public ProxyLicensingFault(String message, KeyholdFault faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public KeyholdFault getFaultInfo() {
        return faultInfo;
    }
}
