/**
 * SCIM 2.0 at {@code /scim/v2} (SPEC O3, CONTRACT section 8, RFC 7643/7644): thin resources over
 * {@link com.keyhold.scim.ScimService}, authenticated by the account's SCIM token in
 * {@link com.keyhold.web.security.KeyholdAuthenticationMechanism}.
 */
package com.keyhold.web.scim;
