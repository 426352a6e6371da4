/**
 * What runs once per installation, on the full server only: the schema migration (Flyway), the first
 * operator's bootstrap, the signing key's first generation and every schedule of Keyhold. Kept out of
 * the ejb module so that the check-in edge (edge/), which deploys the ejb module's rules in its own
 * WAR, runs no migration, no bootstrap and no timer.
 */
package com.keyhold.server;
