/**
 * Reliability drills (issue 14), run by {@code mvn -pl src-test verify -Pdrills} against the real
 * server and an embedded MariaDB the drills stop and start themselves: a crash ({@code kill -9})
 * under client load, a database outage under load, a backup taken under load and restored into a
 * fresh database and server, and a planned restart. Each drill loads the server with
 * {@link com.keyhold.drill.DrillLoad}, verifies with {@link com.keyhold.drill.DrillChecks} and ends
 * with an {@code N passed, N failed} line ({@link com.keyhold.drill.DrillReport}).
 */
package com.keyhold.drill;
