/**
 * Invitations to install (SPEC I1–I4) and the invitation expiry sweep (E2): administrators invite
 * email addresses to install with a key; each gets a personal temporary activation code that the
 * client API redeems ({@link com.keyhold.computer.ActivationService}) once, before it expires.
 */
package com.keyhold.invitation;
