package dev.thrum.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one "did you mean" rule of Thrum, for commands, subcommands, options, program ids, region ids
 * and client names alike. Ignoring case, each candidate gets a distance: the number of edits from
 * what was typed (a swap of two neighbouring letters is one edit, so {@code rnu} finds {@code run}),
 * lowered to 1 when the candidate contains what was typed (3 letters or more: {@code glute} in
 * {@code gluteus-maximus}) and to 2 when both start with the same 4 letters ({@code glutes}), which
 * is how people misremember ids. A candidate is near when that distance is at most half its length,
 * and never less than 2. Nearest first; ties keep the candidates' order.
 */
public final class Suggestions {
    private static final int MAX = 3;

    private Suggestions() {}

    /** The nearest candidates, best first, at most three; empty when nothing is near. */
    public static List<String> near(String typed, Collection<String> candidates) {
        if (typed == null || typed.isBlank()) return List.of();
        return near(typed, candidates, MAX);
    }

    /** Like {@link #near(String, Collection)}, at most {@code max} of them. */
    public static List<String> near(String typed, Collection<String> candidates, int max) {
        if (typed == null || typed.isBlank()) return List.of();
        String t = typed.toLowerCase(Locale.ROOT);
        record Scored(String candidate, int score) {}
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            if (lc.equals(t)) continue;
            int d = distance(t, lc);
            if (t.length() >= 3 && lc.contains(t)) d = Math.min(d, 1);
            if (commonPrefix(t, lc) >= 4) d = Math.min(d, 2);
            if (d <= Math.max(2, lc.length() / 2)) scored.add(new Scored(c, d));
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::score))
                .map(Scored::candidate).distinct().limit(max).toList();
    }

    /** " (did you mean 'a' or 'b'?)" for {@link #near}, or "" when nothing is near. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        List<String> near = near(typed, candidates);
        if (near.isEmpty()) return "";
        StringBuilder b = new StringBuilder(" (did you mean ");
        for (int i = 0; i < near.size(); i++) {
            if (i > 0) b.append(i == near.size() - 1 ? " or " : ", ");
            b.append('\'').append(near.get(i)).append('\'');
        }
        return b.append("?)").toString();
    }

    private static int commonPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) n++;
        return n;
    }

    /** Edit distance where a swap of neighbouring letters counts one (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
