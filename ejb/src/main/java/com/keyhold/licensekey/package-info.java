/** Seat accounting and license key format: the rules of SPEC L5–L9 as plain Java. */
package com.keyhold.licensekey;
