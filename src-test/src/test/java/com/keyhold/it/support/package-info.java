/**
 * Test support: the one server start per test run ({@link com.keyhold.it.support.KeyholdTestServer}),
 * the EAR deployment, an HTTP client for the wire contracts and the headless browser.
 */
package com.keyhold.it.support;
