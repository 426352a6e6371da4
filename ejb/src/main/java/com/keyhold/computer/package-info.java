/** Activation, check-in and deactivation of computers, and the signed certificates they receive (SPEC C1–C8, S9). */
package com.keyhold.computer;
