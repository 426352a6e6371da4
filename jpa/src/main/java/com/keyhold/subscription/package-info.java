/** The product catalogue and subscriptions: seats, dates, add-ons and order history (SPEC L1–L3, O1). */
package com.keyhold.subscription;
