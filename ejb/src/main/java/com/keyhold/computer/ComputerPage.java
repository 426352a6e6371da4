package com.keyhold.computer;

import java.util.List;

/** One page of the computer list with the total of the filtered list (CONTRACT section 6). */
public record ComputerPage(List<ComputerRow> items, long total, int page, int size) {
}
