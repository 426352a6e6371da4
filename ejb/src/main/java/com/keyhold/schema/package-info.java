/** Applies the Flyway migrations (jpa module, db/migration) at start-up, before anything uses JPA. */
package com.keyhold.schema;
