/**
 * Around every request of a Keyhold WAR (the web module and the check-in edge alike): the request
 * body limits of {@code /api} and {@code /scim} (issue 9), the client's address behind trusted
 * proxies, the request count a planned stop drains ({@link com.keyhold.rest.http.DrainOnStop}), and
 * the path rules that decide what is API and what is a page ({@link com.keyhold.rest.http.RequestPaths}).
 * Plain-Java rules with unit tests, applied by one filter.
 */
package com.keyhold.rest.http;
