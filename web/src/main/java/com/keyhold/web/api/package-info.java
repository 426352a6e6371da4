/**
 * The REST API under {@code /api} (CONTRACT.md): sign-up and tokens for scripts, the signing key, and
 * the error format of section 1, produced for every failure by {@link com.keyhold.rest.ApiErrorMapper}.
 */
package com.keyhold.web.api;
