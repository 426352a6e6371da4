/** Computers: activations of the desktop product, their status, and the blacklist (SPEC C1–C8). */
package com.keyhold.computer;
