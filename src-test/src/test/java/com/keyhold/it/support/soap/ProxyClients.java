package com.keyhold.it.support.soap;

import com.keyhold.it.support.KeyholdServerExtension;
import jakarta.xml.ws.Service;
import java.net.MalformedURLException;
import java.net.URI;
import javax.xml.namespace.QName;

/** A port of the proxy licensing service, built from the WSDL the deployed server serves at {@code ?wsdl}. */
public final class ProxyClients {

    private ProxyClients() {
    }

    public static ProxyLicensingClient fromServedWsdl() {
        try {
            String address = KeyholdServerExtension.server().baseUrl() + "/ws/proxy-licensing";
            Service service = Service.create(URI.create(address + "?wsdl").toURL(),
                    new QName(ProxyLicensingClient.NS, "ProxyLicensingService"));
            return service.getPort(new QName(ProxyLicensingClient.NS, "ProxyLicensingPort"), ProxyLicensingClient.class);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
