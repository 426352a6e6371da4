/**
 * Configuration profiles (SPEC P1, P2): named sets of payloads an account administrator applies to
 * license keys, sent to the computers of those keys at activation and check-in.
 */
package com.keyhold.profile;
