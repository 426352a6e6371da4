/**
 * Integration tests against the deployed EAR in a real Payara Server and a real MariaDB/MySQL, and
 * browser tests in Debian's headless Chromium. Test names state the rule; comments name its SPEC id.
 */
package com.keyhold.it;
