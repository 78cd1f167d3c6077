package dev.slugline.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads the date forms static-site generators accept: ISO-8601 with an offset or {@code Z} (kept as written),
 * {@code 2013-05-06 02:12:52 +0200}, and dates or date-times without a zone, which are taken in a default zone.
 */
public final class FrontMatterDates {

    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private FrontMatterDates() {
    }

    /** True when the text is a date or date-time written without an offset (then taken in the default zone). */
    public static boolean hasNoZone(String text) {
        try {
            return !FLEXIBLE.parse(text.strip()).isSupported(ChronoField.OFFSET_SECONDS);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The instant and offset the text names; empty when the text is no date at all. */
    public static Optional<OffsetDateTime> parse(String text, ZoneId defaultZone) {
        try {
            TemporalAccessor parsed = FLEXIBLE.parse(text.strip());
            LocalDate date = LocalDate.from(parsed);
            if (!parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
                return Optional.of(date.atStartOfDay(defaultZone).toOffsetDateTime());
            }
            LocalDateTime dateTime = LocalDateTime.from(parsed);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return Optional.of(OffsetDateTime.from(parsed));
            }
            return Optional.of(dateTime.atZone(defaultZone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
