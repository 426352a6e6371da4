/** The operator API (CONTRACT section 7) for the vendor's provisioning scripts, authenticated by operator tokens. */
package com.keyhold.web.api.operator;
