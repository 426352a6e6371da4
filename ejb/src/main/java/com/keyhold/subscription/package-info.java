/** Issuing, renewing and registering subscriptions (SPEC L1–L3, A2, O1). */
package com.keyhold.subscription;
