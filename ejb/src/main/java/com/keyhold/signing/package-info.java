/**
 * Ed25519 signatures on the documents Keyhold issues (SPEC S9, CONTRACT section 5): the server's key
 * pair, the encryption of its private part at rest, and the compact signed-document format.
 */
package com.keyhold.signing;
