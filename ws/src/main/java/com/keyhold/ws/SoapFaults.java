package com.keyhold.ws;

import com.keyhold.common.ErrorCode;
import com.keyhold.common.KeyholdException;
import com.keyhold.common.Outages;
import com.keyhold.common.Violation;
import com.keyhold.ws.messages.Soap;
import jakarta.xml.soap.Detail;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.soap.SOAPFault;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.xml.namespace.QName;

/**
 * Business failures as SOAP 1.1 faults (CONTRACT section 3): {@code faultcode} {@code Client} for a
 * request the proxy can correct and {@code Server} otherwise, {@code faultstring} starting with the
 * code ({@code KEY_IN_USE: …}), and {@code <k:keyholdFault><code>KEY_IN_USE</code></k:keyholdFault>}
 * as the detail. Unexpected failures are logged here and answered as {@code Server} faults without
 * their internals.
 */
final class SoapFaults {

    private static final Logger LOG = Logger.getLogger(SoapFaults.class.getName());

    private SoapFaults() {
    }

    static SOAPFaultException of(RuntimeException failure) {
        if (failure instanceof KeyholdException keyhold) {
            return fault(keyhold.code(), message(keyhold));
        }
        if (Outages.isDatabaseUnavailable(failure)) {
            return fault(ErrorCode.SERVICE_UNAVAILABLE, "The license service is briefly unavailable; try again in "
                    + Outages.RETRY_AFTER_SECONDS + " seconds.");
        }
        Throwable cause = failure.getCause();
        if (cause instanceof KeyholdException keyhold) { // an EJB exception around a business one
            return fault(keyhold.code(), message(keyhold));
        }
        LOG.log(Level.SEVERE, "Proxy licensing request failed", failure);
        return fault(ErrorCode.INTERNAL_ERROR, "The license service failed; the failure was logged.");
    }

    static SOAPFaultException fault(ErrorCode code, String message) {
        try {
            SOAPFactory factory = SOAPFactory.newInstance(SOAPConstants.SOAP_1_1_PROTOCOL);
            boolean server = code == ErrorCode.SERVICE_UNAVAILABLE || code == ErrorCode.INTERNAL_ERROR;
            SOAPFault fault = factory.createFault(code.name() + ": " + message,
                    new QName(SOAPConstants.URI_NS_SOAP_1_1_ENVELOPE, server ? "Server" : "Client"));
            Detail detail = fault.addDetail();
            SOAPElement keyholdFault = detail.addChildElement("keyholdFault", "k", Soap.NAMESPACE);
            keyholdFault.addChildElement("code").addTextNode(code.name());
            return new SOAPFaultException(fault);
        } catch (SOAPException e) {
            throw new IllegalStateException("could not build a SOAP fault", e);
        }
    }

    private static String message(KeyholdException failure) {
        if (failure.violations().isEmpty()) {
            return failure.getMessage();
        }
        return failure.getMessage() + " " + failure.violations().stream()
                .map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
    }
}
