/**
 * Test support: the one server start per test run ({@link com.keyhold.it.support.KeyholdTestServer}),
 * the EAR deployment, an HTTP client for the wire contracts, the headless browser, and the
 * {@link com.keyhold.it.support.DatabaseGate} between Payara and MariaDB that outage tests cut.
 */
package com.keyhold.it.support;
