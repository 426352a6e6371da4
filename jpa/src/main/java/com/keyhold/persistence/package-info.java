/** Persistence plumbing shared by every entity: type converters and identifiers. */
package com.keyhold.persistence;
