/** The server's Ed25519 signing key pair, kept in the database with its private part encrypted (SPEC S9). */
package com.keyhold.signing;
