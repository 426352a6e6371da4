/**
 * The XML shapes of the proxy licensing service, written out rather than generated so the WSDL is
 * exactly CONTRACT section 3's on every JAX-WS implementation: wrapper elements named as the
 * operations (and {@code …Response}) in {@code urn:keyhold:proxy:v1}, their children unqualified,
 * dates as {@code xs:date}.
 */
package com.keyhold.ws.messages;
