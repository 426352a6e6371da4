/** The desktop client API (CONTRACT section 2): activation, check-in and deactivation by installed clients. */
package com.keyhold.rest.client;
