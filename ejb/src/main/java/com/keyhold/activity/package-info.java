/**
 * The activity log (issue 9): {@link com.keyhold.activity.ActivityLog} records administrative and
 * operator actions inside their own transaction; {@link com.keyhold.activity.ActivityQuery} shows an
 * account's log to its administrators and every account's to operators, as pages and as CSV.
 */
package com.keyhold.activity;
