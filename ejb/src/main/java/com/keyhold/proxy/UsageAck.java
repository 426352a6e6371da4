package com.keyhold.proxy;

/** The answer to a usage report (CONTRACT section 3, SPEC S5, S6). */
public record UsageAck(boolean accepted, boolean overLimit, int maxManagedComputers) {
}
