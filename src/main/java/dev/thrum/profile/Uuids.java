package dev.thrum.profile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Bluetooth UUIDs in their full 128-bit form; 16- and 32-bit short forms expand onto the Bluetooth base UUID. */
public final class Uuids {
    private Uuids() {}

    private static final String BASE_SUFFIX = "-0000-1000-8000-00805f9b34fb";
    private static final Pattern SHORT = Pattern.compile("(?:0x)?([0-9a-f]{4}|[0-9a-f]{8})");
    private static final Pattern FULL = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The full lower-case form, or empty when the text is not a UUID. */
    public static Optional<String> normalize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        var m = SHORT.matcher(t);
        if (m.matches()) {
            String digits = m.group(1);
            return Optional.of((digits.length() == 4 ? "0000" + digits : digits) + BASE_SUFFIX);
        }
        return FULL.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }
}
