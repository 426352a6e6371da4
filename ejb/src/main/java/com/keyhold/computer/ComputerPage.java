package com.keyhold.computer;

import java.util.List;

/**
 * One page of the computer list with the total of the filtered list (CONTRACT section 6). When the
 * caller asked to count only up to a limit ({@link ComputerService#list(String, String, ComputerQuery, long)}),
 * {@code totalExact} is false and {@code total} is that limit: there are more.
 */
public record ComputerPage(List<ComputerRow> items, long total, boolean totalExact, int page, int size) {

    public ComputerPage(List<ComputerRow> items, long total, int page, int size) {
        this(items, total, true, page, size);
    }
}
