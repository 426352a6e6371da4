package com.keyhold.computer;

/** A computer's status in the administrator's list (SPEC C2, C5): blacklisted while its pair is listed. */
public enum ComputerStatus {
    ACTIVE, DEACTIVATED, BLACKLISTED
}
