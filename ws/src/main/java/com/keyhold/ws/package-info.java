/**
 * The SOAP web service of SCCM proxy servers (CONTRACT section 3, SPEC S2, S4–S7) at
 * {@code /ws/proxy-licensing}: a thin JAX-WS endpoint over the ejb module's
 * {@link com.keyhold.proxy.ProxyLicensing}, with its business failures as SOAP faults
 * ({@link com.keyhold.ws.SoapFaults}). Only Jakarta APIs, so the same WAR runs on Metro (Payara)
 * and CXF (WildFly).
 */
package com.keyhold.ws;
