/**
 * Configuration profiles (SPEC P1, P2): managed by account administrators only, applied to keys,
 * rendered for clients with their enabled payloads only ({@link com.keyhold.profile.ProfilePayloads}).
 */
package com.keyhold.profile;
