/** What every service shares: the business failure carrying its CONTRACT.md error code, and the clock. */
package com.keyhold.common;
