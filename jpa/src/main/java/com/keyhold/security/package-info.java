/**
 * Credentials other than passwords: personal and operator API tokens and remember-me tokens.
 * Only SHA-256 hashes of these high-entropy secrets are stored; the secret is shown once.
 */
package com.keyhold.security;
