package com.keyhold.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Stores {@link Instant}s in DATETIME(3) columns as UTC wall-clock text with milliseconds.
 *
 * <p>Why text and not {@code java.sql.Timestamp}: MySQL Connector/J reads MariaDB 10.x's version as
 * "5.5.5-10.11…", takes it for a server without fractional seconds and silently drops the
 * milliseconds of every bound timestamp. Ordering by last contact (SPEC L7) needs them. A
 * {@code 'yyyy-MM-dd HH:mm:ss.SSS'} literal keeps them on MySQL and MariaDB alike, and the
 * database still compares and sorts the column as a DATETIME. The column side is typed Object
 * because the driver hands a DATETIME back as {@code LocalDateTime}, not as the text written.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Object> {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    @Override
    public Object convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : WRITE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Reads what the driver hands back for a DATETIME: a LocalDateTime, a Timestamp, or text. */
    @Override
    public Instant convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof LocalDateTime wallClock) {
            return wallClock.toInstant(ZoneOffset.UTC);
        }
        if (column instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(column.toString().strip(), READ).toInstant(ZoneOffset.UTC);
    }
}
