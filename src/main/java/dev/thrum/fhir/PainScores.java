package dev.thrum.fhir;

import java.util.List;

/**
 * What the person said about pain around one session: 0-10 before and after (either may be missing),
 * where it hurt (region ids), and a free-text note.
 * <p>
 * The session record gains these fields in issue 19 ({@code painBefore}, {@code painAfter},
 * {@code painRegions}, {@code note}); until that lands this type carries them into the mapping, read
 * from the log lines by {@link PainFields}.
 */
public record PainScores(Integer before, Integer after, List<String> regions, String note) {
    public static final PainScores NONE = new PainScores(null, null, List.of(), null);

    public PainScores {
        check("painBefore", before);
        check("painAfter", after);
        regions = regions == null ? List.of() : List.copyOf(regions);
        note = note == null || note.isBlank() ? null : note;
    }

    private static void check(String field, Integer v) {
        if (v != null && (v < 0 || v > 10)) throw new IllegalArgumentException(field + " must be 0 to 10, was " + v);
    }
}
