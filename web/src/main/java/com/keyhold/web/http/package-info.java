/**
 * What the pages' HTTP answers share: the security headers and cookie attributes (issue 9), upload
 * limits and attachment headers. Plain-Java rules ({@link com.keyhold.web.http.SecurityHeaders}) with
 * unit tests, applied by filters and by the authentication mechanism (which answers some requests
 * before any filter runs). The client's address and the body limits of {@code /api} are shared with
 * the check-in edge and live in {@code com.keyhold.rest.http}.
 */
package com.keyhold.web.http;
