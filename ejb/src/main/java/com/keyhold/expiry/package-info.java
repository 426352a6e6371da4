/**
 * The expiry sweep (SPEC E1): records in the order history what the clock already decided (a
 * subscription or key expired) and warns the account's administrators 30, 7 and 1 days before a
 * subscription ends, each warning once per end date.
 */
package com.keyhold.expiry;
