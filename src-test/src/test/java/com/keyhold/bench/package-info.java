/**
 * Benchmarks: run against the same real server and database as the integration tests, but only with
 * {@code mvn verify -Pbench} (see bench/README.md). They print figures; they assert correctness only,
 * never timings.
 */
package com.keyhold.bench;
