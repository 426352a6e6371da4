package com.keyhold.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** T3: the version selector lists versions newest first, numbers compared as numbers. */
class VersionsTest {

    @Test
    void numbersCompareAsNumbersPartByPart() {
        assertEquals(List.of("20.1.10", "20.1.2-55742", "20.1.2", "19.4.1", "9.0"),
                Versions.newestFirst(List.of("9.0", "20.1.2", "19.4.1", "20.1.10", "20.1.2-55742", "20.1.2")));
        assertEquals(List.of("2.0-beta", "2.0", "1.10"), Versions.newestFirst(List.of("1.10", "2.0", "2.0-beta")),
                "a suffix makes a version newer than its bare number (builds: 20.1.2-55742), so pre-releases need their own numbering");
    }
}
