/** Corporate (SSO) activation's stored settings: an account's identity provider (SPEC O2). */
package com.keyhold.sso;
