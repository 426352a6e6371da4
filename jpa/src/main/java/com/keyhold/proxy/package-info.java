/**
 * The fleet product's installations (SPEC S1–S9): SCCM proxy servers, each activated with one key
 * of a per-managed-Mac subscription, and their weekly usage reports.
 */
package com.keyhold.proxy;
