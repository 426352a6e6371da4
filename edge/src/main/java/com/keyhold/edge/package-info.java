/**
 * The check-in edge (issue 17): the client API alone, as a WAR for Payara Micro instances beside the
 * full server, sharing its database and signing key. It deploys the ejb module's rules unchanged (in
 * WEB-INF/lib) but not the server module, so an edge runs no schema migration, no operator bootstrap
 * and no timer; check-ins coalesce their writes per edge exactly as on the full server (their writes
 * commute). README "Scaling out".
 */
package com.keyhold.edge;
