package com.keyhold.proxy;

/** Whether one more Mac may enroll (CONTRACT section 3, SPEC S6); enrolled Macs keep working either way. */
public record EnrollDecision(boolean allowed, int remaining) {
}
