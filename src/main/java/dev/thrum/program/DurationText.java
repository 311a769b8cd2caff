package dev.thrum.program;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in program files: a whole number of seconds ({@code 90}) or a
 * string with minutes and/or seconds ({@code "90s"}, {@code "2m"}, {@code "1m30s"}).
 */
public final class DurationText {
    private DurationText() {}

    private static final Pattern TEXT = Pattern.compile("\\s*(?:(\\d+)\\s*m)?\\s*(?:(\\d+)\\s*s)?\\s*");

    /** Parses the string form; throws IllegalArgumentException with a how-to-fix message. */
    public static Duration parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (text == null || text.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null))
            throw new IllegalArgumentException("'" + text + "' is not a duration; write seconds as a number (90) "
                    + "or a string like \"90s\", \"2m\" or \"1m30s\"");
        long total = seconds(m.group(1), 60) + seconds(m.group(2), 1);
        if (total > MAX_SECONDS)
            throw new IllegalArgumentException("'" + text.trim() + "' is longer than a day; a Thrum duration is at most "
                    + format(Duration.ofSeconds(MAX_SECONDS)));
        return Duration.ofSeconds(total);
    }

    /** Nothing Thrum times (a step, a rest, a session, a client's ceiling) comes near a day. */
    static final long MAX_SECONDS = 86_400;

    // digits past what a day needs would overflow a long when multiplied ("307445734561825861m"
    // once came out as 44 seconds); anything that long is over the limit anyway
    private static long seconds(String digits, long unit) {
        if (digits == null) return 0;
        String d = digits.replaceFirst("^0+(?=\\d)", "");
        return d.length() > 7 ? Long.MAX_VALUE / 2 : Long.parseLong(d) * unit;
    }

    /** Short human form: 45s, 2m, 1m30s. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
