/**
 * Issuing and checking secrets other than passwords: personal and operator API tokens, remember-me
 * tokens. Secrets are random, shown once, and stored only as SHA-256 hashes.
 */
package com.keyhold.security;
