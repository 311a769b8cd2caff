package dev.thrum.terminal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code thrum run} in a real terminal (tmux) at the sizes people use: the live view holds (region
 * and side, time left, keys, no line twice), follows a resize, and gives the terminal back.
 */
class LiveViewTerminalIT {
    static final Pattern WHERE = Pattern.compile("Step \\d+/\\d+ {2}(Rest|.+ - (LEFT|RIGHT) side|.+)");
    static final Duration START = Duration.ofSeconds(60); // a cold JVM on a loaded 2-core machine

    @TempDir
    Path home;

    @BeforeAll
    static void tmux() {
        Tmux.assumeInstalled();
    }

    private Tmux runIn(int columns, int rows) throws Exception {
        ThrumCommandLine thrum = new ThrumCommandLine(home);
        Tmux t = Tmux.start(columns, rows, thrum.environment(), home.toString());
        t.type(String.join(" ", thrum.command("run", "sciatica-relief", "--speedup", "50").stream()
                .map(ThrumCommandLine::quote).toList()));
        skipPainBefore(t);
        return t;
    }

    @Test
    void holdsAt80x24() throws Exception {
        checkSeveralScreens(80, 24);
    }

    @Test
    void holdsAt60x20() throws Exception {
        checkSeveralScreens(60, 20);
    }

    private void checkSeveralScreens(int columns, int rows) throws Exception {
        try (Tmux t = runIn(columns, rows)) {
            List<String> previous = t.await(START, "the live view", LiveViewTerminalIT::isLiveView);
            for (int i = 0; i < 5; i++) {
                List<String> now = previous;
                List<String> screen = t.await(Duration.ofSeconds(10), "the view to move on",
                        s -> isLiveView(s) && !s.equals(now));
                assertHolds(screen, columns, rows);
                previous = screen;
            }
            t.keys("q");
            List<String> after = t.await(Duration.ofSeconds(20), "the summary", LiveViewTerminalIT::showsSummary);
            skipPainAfter(t);
            assertFalse(joined(after).contains("left in step"), "the view is gone from the normal screen:\n" + joined(after));
            assertTrue(t.history().indexOf("Thrum - Sciatica relief") < 0,
                    "no copy of the view's header left in the scrollback:\n" + t.history());
        }
    }

    @Test
    void followsResizes() throws Exception {
        try (Tmux t = runIn(80, 24)) {
            t.await(START, "the live view", LiveViewTerminalIT::isLiveView);
            t.resize(50, 14);
            List<String> narrow = t.await(Duration.ofSeconds(10), "a view laid out for 50 columns",
                    s -> isLiveView(s) && s.stream().noneMatch(l -> l.length() > 50) && s.stream().anyMatch(l -> l.startsWith("Session")
                            || l.contains("left in step")));
            assertHolds(narrow, 50, 14);
            t.resize(40, 8);
            List<String> tiny = t.await(Duration.ofSeconds(10), "the essentials at 40x8",
                    s -> isLiveView(s) && s.size() <= 8);
            assertHolds(tiny, 40, 8);
            t.resize(100, 30);
            List<String> wide = t.await(Duration.ofSeconds(10), "the full view at 100x30",
                    s -> isLiveView(s) && s.stream().anyMatch(l -> l.startsWith("Intensity")) && s.stream().anyMatch(l -> l.startsWith("Thrum - ")));
            assertHolds(wide, 100, 30);
            t.keys("q");
            t.await(Duration.ofSeconds(20), "the summary", LiveViewTerminalIT::showsSummary);
        }
    }

    @Test
    void ctrlCStopsTheMotorAndSaysSoAndTheTerminalIsRestored() throws Exception {
        try (Tmux t = runIn(80, 24)) {
            t.await(START, "the live view", LiveViewTerminalIT::isLiveView);
            t.keys("x", "y"); // not keys of the view: read and dropped, never left for the shell
            t.keys("C-c");
            t.await(Duration.ofSeconds(20), "Ctrl-C's answer", s -> joined(s).contains("Ctrl-C: the motor was stopped"));
            skipPainAfter(t);
            t.await(Duration.ofSeconds(10), "the prompt", s -> s.stream().anyMatch(l -> l.equals("$")));
            t.type("echo restored-$((40+2))");
            List<String> s = t.await(Duration.ofSeconds(10), "the shell's answer", x -> x.contains("restored-42"));
            assertTrue(s.contains("$ echo restored-$((40+2))"), "typed text reached the shell unchanged and echoed:\n" + joined(s));
        }
    }

    /** The question before a session on a terminal (docs/plans.md): Enter skips it. */
    static void skipPainBefore(Tmux t) throws Exception {
        t.await(START, "the pain question", s -> joined(s).contains("Pain right now"));
        t.keys("Enter");
    }

    /** The questions after a session: the score and a note, both skipped with Enter. */
    static void skipPainAfter(Tmux t) throws Exception {
        t.await(Duration.ofSeconds(20), "the pain question after", s -> joined(s).contains("Pain now, after the session"));
        t.keys("Enter");
        t.await(Duration.ofSeconds(20), "the note question", s -> joined(s).contains("A note for the log"));
        t.keys("Enter");
    }

    /**
     * The run's closing line ({@code session ID: stopped by user, ...}), printed after the view has
     * left; not the view's own last event line ({@code [1:08] finished: stopped by user}).
     */
    static boolean showsSummary(List<String> s) {
        return s.stream().anyMatch(l -> l.startsWith("session ") && l.contains(": stopped by user"));
    }

    static boolean isLiveView(List<String> s) {
        return s.stream().anyMatch(l -> WHERE.matcher(l).find()) && s.stream().anyMatch(l -> l.contains("q stop"));
    }

    /** Region and side, time left and the keys on screen; every line within the width, none twice. */
    static void assertHolds(List<String> screen, int columns, int rows) {
        String all = joined(screen);
        assertTrue(screen.size() <= rows, all);
        String where = screen.stream().filter(l -> WHERE.matcher(l).find()).findFirst().orElse(null);
        assertNotNull(where, "region on screen:\n" + all);
        assertTrue(screen.stream().anyMatch(l -> l.matches("\\d+:\\d\\d left in step.*")), "time left on screen:\n" + all);
        assertTrue(screen.stream().anyMatch(l -> l.contains("q stop")), "the stop key on screen:\n" + all);
        if (rows >= 20) {
            assertTrue(all.contains("space pause") && all.contains("- softer") && all.contains("+ harder"), "all keys:\n" + all);
            assertTrue(screen.stream().anyMatch(l -> l.startsWith("Intensity") || l.startsWith("Motor stopped")), all);
            assertTrue(screen.stream().anyMatch(l -> l.startsWith("Session")), "session time:\n" + all);
        }
        Set<String> seen = new HashSet<>();
        for (String l : screen) {
            assertTrue(l.length() <= columns, "line wider than " + columns + ": " + l);
            if (!l.isBlank()) assertTrue(seen.add(l), "line shown twice: '" + l + "' in\n" + all);
        }
    }

    static String joined(List<String> screen) {
        return String.join("\n", screen);
    }
}
