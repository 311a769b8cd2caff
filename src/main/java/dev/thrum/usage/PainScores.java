package dev.thrum.usage;

import java.util.ArrayList;
import java.util.List;

/**
 * How the person rated their pain around a session: the 0-10 numeric rating scale before and after,
 * where it hurt, and a free note. Every part is optional (null or empty); {@link #NONE} has none.
 * In the usage log these are the record fields {@code painBefore}, {@code painAfter},
 * {@code painRegions} and {@code note} (docs/usage-log.md).
 */
public record PainScores(Integer before, Integer after, List<String> regions, String note) {
    public static final PainScores NONE = new PainScores(null, null, List.of(), null);
    public static final int MAX_NOTE = 2000;

    public PainScores {
        check("pain before", before);
        check("pain after", after);
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (note != null && note.isBlank()) note = null;
        if (note != null && note.length() > MAX_NOTE)
            throw new IllegalArgumentException("the note is " + note.length() + " characters; at most " + MAX_NOTE);
    }

    private static void check(String what, Integer v) {
        if (v != null && (v < 0 || v > 10)) throw new IllegalArgumentException(what + " must be 0 to 10, got " + v);
    }

    public boolean isEmpty() {
        return before == null && after == null && regions.isEmpty() && note == null;
    }

    /** These scores with every part that {@code later} gives replacing this one's. */
    public PainScores then(PainScores later) {
        if (later == null) return this;
        return new PainScores(later.before != null ? later.before : before, later.after != null ? later.after : after,
                later.regions.isEmpty() ? regions : later.regions, later.note != null ? later.note : note);
    }

    /** After minus before, or null when either is missing. Negative means less pain. */
    public Integer change() {
        return before == null || after == null ? null : after - before;
    }

    public PainScores withAfter(Integer newAfter, String newNote) {
        return new PainScores(before, newAfter, regions, newNote != null ? newNote : note);
    }

    /** Region ids from "neck,lower-back" (spaces allowed); empty for null or blank. */
    public static List<String> regionList(String commaSeparated) {
        List<String> out = new ArrayList<>();
        if (commaSeparated == null) return out;
        for (String s : commaSeparated.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }
}
