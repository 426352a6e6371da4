/**
 * The activity log (audit log): who did what to which object of which account, when and from where.
 * Entries are written in the transaction of the action they describe and never changed afterwards.
 */
package com.keyhold.activity;
