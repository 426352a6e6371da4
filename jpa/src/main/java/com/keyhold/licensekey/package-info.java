/** License keys of a subscription: primary, reserved and dynamic keys and their seats (SPEC L4–L10). */
package com.keyhold.licensekey;
