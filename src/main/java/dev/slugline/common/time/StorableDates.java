package dev.slugline.common.time;

import dev.slugline.common.errors.InvalidInputException;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Dates a client sends are checked against what is stored and compared with them: years 1 to 9999 (in UTC), as
 * the importer allows. {@code java.time} reads years up to ±999,999,999, PostgreSQL's timestamps end in 294276:
 * without this, such a date is a database error instead of a 400 naming its field.
 */
public final class StorableDates {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private StorableDates() {
    }

    /** {@code value} itself (null stays null), or a 400 naming {@code field}. */
    public static OffsetDateTime require(String field, OffsetDateTime value) {
        if (value != null) {
            int year = value.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            if (year < MIN_YEAR || year > MAX_YEAR) {
                throw new InvalidInputException(field, "must be between the years " + MIN_YEAR + " and " + MAX_YEAR
                        + ", not " + value);
            }
        }
        return value;
    }
}
