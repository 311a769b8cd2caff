package dev.thrum.transport.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How hard a scripted person presses the simulated gun over time: lines of {@code SECONDS PRESSURE},
 * where seconds count from the first command the simulator hears and pressure runs from 0 (not
 * touching) to 1 (pressed as hard as the gun allows). Each pressure holds until the next line.
 * {@code #} starts a comment; blank lines are ignored.
 * <pre>
 * # too light, then right, then too hard
 * 0    0.10
 * 30   0.35
 * 60   0.95
 * </pre>
 */
public final class PressureScript {

    private record Point(long atMs, double pressure) {}

    private final List<Point> points;

    private PressureScript(List<Point> points) {
        this.points = points;
    }

    /** Reads a script; a mistake is reported with the source's name, the line and how to fix it. */
    public static PressureScript parse(String source, String text) {
        List<Point> points = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            line = line.strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("[\\s,;]+");
            String where = source + ":" + (i + 1) + ": ";
            if (parts.length != 2) {
                throw new IllegalArgumentException(where + "a line is SECONDS PRESSURE, like '30 0.4'");
            }
            double at = number(parts[0], where, "seconds");
            double p = number(parts[1], where, "pressure");
            if (at < 0 || at > 86_400) throw new IllegalArgumentException(where + "seconds must be between 0 and 86400");
            if (p < 0 || p > 1) throw new IllegalArgumentException(where + "pressure must be between 0 (not touching) and 1 (as hard as the gun allows)");
            long ms = Math.round(at * 1000);
            if (!points.isEmpty() && ms <= points.get(points.size() - 1).atMs()) {
                throw new IllegalArgumentException(where + "times must increase from line to line");
            }
            points.add(new Point(ms, p));
        }
        if (points.isEmpty()) throw new IllegalArgumentException(source + ": the script has no lines; write SECONDS PRESSURE lines, like '0 0.3'");
        return new PressureScript(List.copyOf(points));
    }

    /** The pressure at a moment since the script began (before its first line: the first line's pressure). */
    public double pressureAt(Duration sinceStart) {
        long ms = sinceStart.toMillis();
        double p = points.get(0).pressure();
        for (Point point : points) {
            if (point.atMs() > ms) break;
            p = point.pressure();
        }
        return p;
    }

    private static double number(String s, String where, String what) {
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + what + " '" + s + "' is not a number", null);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "pressure script of %d points", points.size());
    }
}
