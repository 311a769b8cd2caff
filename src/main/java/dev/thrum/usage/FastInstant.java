package dev.thrum.usage;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Parses the one timestamp form the log writes ({@code 2026-11-24T08:06:01.250Z}) without the
 * general formatter, which dominates the cost of reading a big log. Anything else falls back to
 * {@link Instant#parse}.
 */
final class FastInstant {
    private FastInstant() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Instant.parse(s);
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) return Instant.parse(s);
            int frac = digits(s, 20, n - 1);
            for (int i = n - 21; i < 9; i++) frac *= 10;
            nanos = frac;
        } else if (n != 20) {
            return Instant.parse(s);
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour > 23 || minute > 59 || second > 59) {
            return Instant.parse(s); // days 29..31 need the month's length; bad values need a proper message
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86400L + hour * 3600L + minute * 60L + second, nanos);
    }

    /**
     * The same for the bytes {@code b[from, to)} of {@code YYYY-MM-DDTHH:MM:SS[.fff]Z}; null for any
     * other form (the caller then tries {@link #parse(String)}).
     */
    static Instant parse(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 20 || n > 30 || b[from + 4] != '-' || b[from + 7] != '-' || b[from + 10] != 'T' || b[from + 13] != ':'
                || b[from + 16] != ':' || b[to - 1] != 'Z') {
            return null;
        }
        int year = digits(b, from, from + 4), month = digits(b, from + 5, from + 7), day = digits(b, from + 8, from + 10);
        int hour = digits(b, from + 11, from + 13), minute = digits(b, from + 14, from + 16);
        int second = digits(b, from + 17, from + 19);
        int nanos = 0;
        if (n > 20) {
            if (b[from + 19] != '.' || n - 21 > 9 || n - 21 < 1) return null;
            int frac = digits(b, from + 20, to - 1);
            if (frac < 0) return null;
            for (int i = n - 21; i < 9; i++) frac *= 10;
            nanos = frac;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null; // the full parser says what is wrong
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * 86400L + hour * 3600L + minute * 60L + second, nanos);
    }

    /** Days in the month of the proleptic Gregorian calendar, as {@link Instant#parse} counts them. */
    private static int monthLength(int year, int month) {
        if (month == 2) return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Decimal digits as a number, or -1 when a byte is not a digit. */
    private static int digits(byte[] b, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) throw new DateTimeParseException("not a timestamp", s, i);
            v = v * 10 + d;
        }
        return v;
    }

    // Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil).
    private static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
