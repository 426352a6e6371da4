/**
 * The JAX-RS pieces the full server's web module and the check-in edge (edge/) share, so both answer
 * exactly the same: the error format of CONTRACT section 1 ({@link com.keyhold.rest.ApiErrorMapper}),
 * the bearer header's parsing, the signing key's resource; the client API in
 * {@code com.keyhold.rest.client}, the request guard (body limits, client address, drain) in
 * {@code com.keyhold.rest.http}, the readiness check in {@code com.keyhold.rest.health}. Each WAR lists
 * the resources it serves in its own JAX-RS application.
 */
package com.keyhold.rest;
