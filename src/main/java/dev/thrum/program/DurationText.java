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
        long minutes = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        return Duration.ofSeconds(minutes * 60 + seconds);
    }

    /** Short human form: 45s, 2m, 1m30s. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s < 60) return s + "s";
        return s % 60 == 0 ? (s / 60) + "m" : (s / 60) + "m" + (s % 60) + "s";
    }
}
