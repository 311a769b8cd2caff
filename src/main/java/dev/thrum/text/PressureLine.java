package dev.thrum.text;

/**
 * The one-line pressure guidance the terminal shows (live view, {@code thrum status}): the band, what
 * to do, and the reading in the device's own unit, like {@code medium: press a little harder (9 lbf)}.
 * Plain strings in, so the quick status path can use it without a JSON library.
 */
public final class PressureLine {
    private PressureLine() {}

    /**
     * @param advice       the API's advice id (lighter, hold, harder, no-reading)
     * @param words        the advice in words, empty when there is none
     * @param shown        the reading in the device's unit, or null
     * @param reportsForce whether the device has a force scale at all
     */
    public static String of(String band, String advice, String words, String shown, boolean reportsForce) {
        if ("no-reading".equals(advice) || words == null || words.isEmpty())
            return band + (reportsForce ? ": no force reading, aim for " + band + " pressure" : " pressure");
        return band + ": " + words + (shown == null ? "" : " (" + shown + ")");
    }
}
