/**
 * Invitations to install (SPEC I1–I4): a personal temporary activation code per invited email for
 * one license key, which activates one computer once until it expires.
 */
package com.keyhold.invitation;
