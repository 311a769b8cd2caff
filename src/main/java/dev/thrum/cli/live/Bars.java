package dev.thrum.cli.live;

/** Text bars for the live view. */
final class Bars {
    private Bars() {}

    /** A bar of {@code width} cells filled to {@code fraction}, with a marker at {@code mark} (or -1). */
    static String bar(double fraction, double mark, int width) {
        int filled = (int) Math.round(clamp(fraction) * width);
        int markAt = mark < 0 ? -1 : Math.min(width - 1, (int) Math.round(clamp(mark) * width));
        StringBuilder b = new StringBuilder(width + 2).append('[');
        for (int i = 0; i < width; i++) {
            if (i == markAt) b.append('|');
            else b.append(i < filled ? '#' : '.');
        }
        return b.append(']').toString();
    }

    static String clock(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static double clamp(double f) {
        return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
    }
}
