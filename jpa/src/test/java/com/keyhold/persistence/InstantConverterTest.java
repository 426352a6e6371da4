package com.keyhold.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void millisecondsSurviveTheRoundTrip() {
        Instant instant = Instant.parse("2026-11-23T10:15:30.123Z");
        assertEquals("2026-11-23 10:15:30.123", converter.convertToDatabaseColumn(instant));
        assertEquals(instant, converter.convertToEntityAttribute("2026-11-23 10:15:30.123"));
    }

    @Test
    void whatTheDriverReturnsIsReadWithOrWithoutAFraction() {
        assertEquals(Instant.parse("2026-11-23T10:15:30Z"), converter.convertToEntityAttribute("2026-11-23 10:15:30"));
        assertEquals(Instant.parse("2026-11-23T10:15:30.100Z"), converter.convertToEntityAttribute("2026-11-23 10:15:30.1"));
        assertEquals(Instant.parse("2026-11-23T10:15:30.123456Z"), converter.convertToEntityAttribute("2026-11-23T10:15:30.123456"));
        assertEquals(Instant.parse("2026-11-23T10:15:30.123Z"),
                converter.convertToEntityAttribute(java.time.LocalDateTime.parse("2026-11-23T10:15:30.123")));
        assertNull(converter.convertToEntityAttribute(null));
        assertNull(converter.convertToDatabaseColumn(null));
    }
}
