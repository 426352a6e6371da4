/**
 * A SOAP client of the proxy licensing service written from CONTRACT section 3 alone (no server
 * class), bound at run time to the WSDL the server serves ({@link com.keyhold.it.support.soap.ProxyClients}):
 * Metro checks every operation of this interface against that WSDL when the port is created.
 */
package com.keyhold.it.support.soap;
