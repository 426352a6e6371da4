/**
 * Accounts and memberships: every user's personal account and the business accounts they belong
 * to, with their role in each (SPEC A1–A8).
 */
package com.keyhold.account;
