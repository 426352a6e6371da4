/**
 * Corporate (SSO) activation (SPEC O2): an account's identity provider, the verification of its ID
 * tokens (Nimbus JOSE, with the provider's JWKS URL or uploaded PEM keys), and the inactivity
 * revocation of E3.
 */
package com.keyhold.sso;
