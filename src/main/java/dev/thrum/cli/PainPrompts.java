package dev.thrum.cli;

import dev.thrum.usage.PainScores;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The short questions around a session in the interactive CLI: pain 0-10 and where, before the live
 * view starts; pain 0-10 and a note after it has ended. Each is skipped with Enter. Asked only on a
 * terminal and never while the motor runs, so the stop key is never behind a question.
 */
final class PainPrompts {
    private final Supplier<String> readLine;
    private final PrintWriter out;
    private final Set<String> regionIds;

    /** @param readLine one line from the person, null at end of input */
    PainPrompts(Supplier<String> readLine, PrintWriter out, Set<String> regionIds) {
        this.readLine = readLine;
        this.out = out;
        this.regionIds = regionIds;
    }

    /** Reads from the console, or null when there is none (stdin is not a terminal). */
    static PainPrompts onConsole(PrintWriter out, Set<String> regionIds) {
        if (System.console() == null) return null;
        return new PainPrompts(() -> System.console().readLine(), out, regionIds);
    }

    static PainPrompts reading(BufferedReader in, PrintWriter out, Set<String> regionIds) {
        return new PainPrompts(() -> {
            try {
                return in.readLine();
            } catch (IOException e) {
                return null;
            }
        }, out, regionIds);
    }

    /** Asks for the score and regions that the flags did not give. */
    PainScores before(PainScores given) {
        Integer score = given.before() != null ? given.before()
                : score("Pain right now, 0 (none) to 10 (worst imaginable)? Enter skips: ");
        List<String> regions = given.regions();
        if (regions.isEmpty() && score != null && score > 0) regions = regions();
        return new PainScores(score, given.after(), regions, given.note());
    }

    /** Asks for the score after and a note, unless the flags gave them. */
    PainScores after(PainScores known) {
        Integer score = known.after() != null ? known.after()
                : score("Pain now, after the session, 0 to 10? Enter skips: ");
        String note = known.note();
        if (note == null) {
            out.print("A note for the log (Enter skips): ");
            out.flush();
            String n = readLine.get();
            note = n == null || n.isBlank() ? null : n.trim();
            if (note != null && note.length() > PainScores.MAX_NOTE) note = note.substring(0, PainScores.MAX_NOTE);
        }
        return new PainScores(known.before(), score, known.regions(), note);
    }

    private Integer score(String question) {
        for (int tries = 0; tries < 3; tries++) {
            out.print(question);
            out.flush();
            String s = readLine.get();
            if (s == null || s.isBlank()) return null;
            try {
                int v = Integer.parseInt(s.trim());
                if (v >= 0 && v <= 10) return v;
            } catch (NumberFormatException ignored) {
                // asked again below
            }
            out.println("  a whole number from 0 to 10, please (or Enter to skip)");
        }
        return null;
    }

    private List<String> regions() {
        for (int tries = 0; tries < 3; tries++) {
            out.print("Where does it hurt? Region ids, comma-separated (for example neck,lower-back; Enter skips): ");
            out.flush();
            String s = readLine.get();
            if (s == null || s.isBlank()) return List.of();
            List<String> rs = PainScores.regionList(s);
            List<String> unknown = rs.stream().filter(r -> !regionIds.contains(r)).toList();
            if (unknown.isEmpty()) return rs;
            out.println("  unknown region " + dev.thrum.text.TerminalText.safe(String.join(", ", unknown))
                    + "; known: " + String.join(", ", regionIds.stream().sorted().toList()));
        }
        return List.of();
    }
}
