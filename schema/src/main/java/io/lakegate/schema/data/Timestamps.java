package io.lakegate.schema.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** Times as the lake stores them: UTC, millisecond precision. Fast formatting for the generators; lenient parsing. */
public final class Timestamps {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Timestamps() {
    }

    /** {@code 2024-01-10 10:00:00.123}: what ClickHouse reads into a DateTime64(3, 'UTC') column. */
    public static String sql(long epochMillis) {
        StringBuilder sb = new StringBuilder(23);
        appendDateTime(sb, epochMillis, ' ');
        return sb.toString();
    }

    /** {@code 2024-01-10T10:00:00.123Z}: the ISO form entity payloads use. */
    public static String iso(long epochMillis) {
        StringBuilder sb = new StringBuilder(24);
        appendDateTime(sb, epochMillis, 'T');
        return sb.append('Z').toString();
    }

    /** {@code 2024-01-10}. */
    public static String date(long epochMillis) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, Math.floorDiv(epochMillis, 86_400_000L));
        return sb.toString();
    }

    private static void appendDateTime(StringBuilder sb, long epochMillis, char separator) {
        long days = Math.floorDiv(epochMillis, 86_400_000L);
        int msOfDay = (int) Math.floorMod(epochMillis, 86_400_000L);
        appendDate(sb, days);
        sb.append(separator);
        two(sb, msOfDay / 3_600_000);
        sb.append(':');
        two(sb, msOfDay / 60_000 % 60);
        sb.append(':');
        two(sb, msOfDay / 1000 % 60);
        sb.append('.');
        int ms = msOfDay % 1000;
        sb.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10));
    }

    /** Civil date from days since 1970-01-01 (Howard Hinnant's algorithm). */
    private static void appendDate(StringBuilder sb, long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long y = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long d = doy - (153 * mp + 2) / 5 + 1;
        long m = mp < 10 ? mp + 3 : mp - 9;
        if (m <= 2) {
            y++;
        }
        sb.append(y).append('-');
        two(sb, (int) m);
        sb.append('-');
        two(sb, (int) d);
    }

    private static void two(StringBuilder sb, int v) {
        sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /**
     * Parses a timestamp: ISO-8601 with {@code Z} or an offset ({@code 2024-01-10T10:00:00.123+02:00}), a local date-time
     * taken as UTC ({@code 2024-01-10 10:00:00}, {@code 2024-01-10T10:00}), or a date ({@code 2024-01-10}). Sub-millisecond
     * digits are dropped, so the same text always gives the same value.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    public static long parse(String text) {
        String s = text.trim();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).toEpochDay() * 86_400_000L;
            }
            if (s.endsWith("Z") || s.endsWith("z")) {
                return toMillis(LocalDateTime.parse(s.substring(0, s.length() - 1), LOCAL).toInstant(ZoneOffset.UTC));
            }
            int offset = offsetStart(s);
            if (offset > 0) {
                LocalDateTime local = LocalDateTime.parse(s.substring(0, offset), LOCAL);
                ZoneOffset zone = ZoneOffset.of(s.substring(offset));
                return toMillis(OffsetDateTime.of(local, zone).toInstant());
            }
            return toMillis(LocalDateTime.parse(s, LOCAL).toInstant(ZoneOffset.UTC));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamp (expected e.g. 2024-01-10T10:00:00Z "
                    + "or 2024-01-10 10:00:00.123)");
        }
    }

    private static int offsetStart(String s) {
        // the date part is yyyy-MM-dd; a '+' or '-' after it starts an offset (+02:00, -0530)
        for (int i = 11; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static long toMillis(Instant instant) {
        return instant.toEpochMilli();
    }
}
