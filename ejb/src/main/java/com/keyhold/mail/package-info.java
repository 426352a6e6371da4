/**
 * Emails (SPEC "Emails"): templates per language, an outbox written in the causing transaction, and a
 * sender that works after the commit, off the request thread, retrying failures.
 */
package com.keyhold.mail;
