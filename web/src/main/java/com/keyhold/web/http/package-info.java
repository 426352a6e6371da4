/**
 * What every HTTP answer of the web module shares, whatever serves it: the security headers and
 * cookie attributes, the client's address behind trusted proxies, and the request body limits
 * (issue 9). Plain-Java rules ({@link com.keyhold.web.http.SecurityHeaders},
 * {@link com.keyhold.web.http.ClientAddress}, {@link com.keyhold.web.http.BodyLimits}) with unit
 * tests, applied by one filter and by the authentication mechanism (which answers some requests
 * before any filter runs).
 */
package com.keyhold.web.http;
