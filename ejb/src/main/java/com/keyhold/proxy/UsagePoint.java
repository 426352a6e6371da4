package com.keyhold.proxy;

import java.time.LocalDate;

/** One report date of a proxy and its peak of managed Macs that day (SPEC S5, the Usage tab). */
public record UsagePoint(LocalDate reportDate, int managedComputers) {
}
