package dev.slugline.common.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Reading values of native query rows, whose Java types depend on the JDBC and Hibernate path taken. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        } else if (value instanceof Instant i) {
            return i;
        } else if (value instanceof Timestamp ts) {
            return ts.toInstant();
        } else if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass());
    }

    /** The instant shown in the offset it was written with (seconds east of UTC, null for UTC). */
    public static OffsetDateTime dateTime(Object value, Object offsetSeconds) {
        Instant instant = instant(value);
        if (instant == null) {
            return null;
        }
        int offset = offsetSeconds == null ? 0 : ((Number) offsetSeconds).intValue();
        return instant.atOffset(ZoneOffset.ofTotalSeconds(offset));
    }
}
