package dev.thrum.cli.live;

import dev.thrum.engine.Control;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class LiveLayoutTest {
    static final String LONG_CUE = "Slow circles over the buttock to warm up the area, then work along the muscle fibres"
            + " towards the hip with gentle pressure and breathe out as you go.";

    static LiveFrame frame(String region, String side, String cue, Integer countdown) {
        return new LiveFrame("Sciatica relief", "sim:theragun-gen4", 80, false, 3, 20, region, side, false,
                "RUNNING", "holding", countdown, countdown == null ? null : "region", 52, 190, 1080, 0.17, cue,
                "Big slow circles over the fleshy part of the buttock, away from the tailbone.",
                0.4, 0.45, 0.45, "40% (1880 rpm)", "[3:10] step 3: Gluteus maximus (left)", "medium: press a little harder (9 lbf)");
    }

    @Test
    void at80x24EverythingShowsAndTheCueIsWrappedNotCut() {
        List<String> lines = LiveLayout.lines(frame("Gluteus maximus (buttock)", "LEFT", LONG_CUE, null), 80, 24);
        String all = String.join("\n", lines);
        assertTrue(all.contains("Step 3/20  Gluteus maximus (buttock) - LEFT side"), all);
        assertTrue(all.contains("0:52 left in step"), all);
        assertTrue(all.replace("\n", " ").contains(LONG_CUE), "the whole cue, wrapped:\n" + all);
        assertTrue(all.contains("Place the gun: Big slow circles"), all);
        assertTrue(all.contains("Pressure  medium: press a little harder (9 lbf)"), all);
        assertTrue(all.contains("Intensity [") && all.contains("Session   [") && all.contains("battery 80%"), all);
        assertTrue(all.contains("q stop") && all.contains("space pause") && all.contains("Enter start now"), all);
        assertWithin(lines, 80, 24);
    }

    @Test
    void everySizeKeepsTheEssentialsWithinTheScreen() {
        for (int w = 20; w <= 200; w += 7) {
            for (int h = 3; h <= 40; h += 3) {
                List<String> lines = LiveLayout.lines(frame("Gluteus maximus (buttock)", "LEFT", LONG_CUE, 4), w, h);
                String all = String.join("\n", lines);
                assertWithin(lines, w, h);
                assertTrue(lines.get(0).startsWith("Step 3/20") || lines.stream().anyMatch(l -> l.startsWith("Step 3/20")), w + "x" + h + "\n" + all);
                assertTrue(all.contains("0:52 left"), w + "x" + h + "\n" + all);
                assertTrue(all.contains("q stop"), w + "x" + h + "\n" + all);
            }
        }
    }

    @Test
    void at40x8TheRegionAndSideShow() {
        String all = String.join("\n", LiveLayout.lines(frame("Gluteus maximus (buttock)", "LEFT", LONG_CUE, null), 40, 8));
        assertTrue(all.contains("Gluteus maximus") && all.contains("LEFT"), all);
    }

    @Test
    void aCountdownSaysTheMotorIsAboutToStart() {
        String all = String.join("\n", LiveLayout.lines(frame("Hamstrings", "RIGHT", "cue", 4), 80, 24));
        assertTrue(all.contains("GET READY: the motor starts in 4 s"), all);
        assertTrue(all.contains("motor still, about to start"), all);
    }

    @Test
    void hostileNamesAndCuesReachTheScreenAsText() {
        String evil = "\u001b]0;pwned\u0007\u001b[2J";
        String all = String.join("\n", LiveLayout.lines(frame("Calves" + evil, "LEFT", "cue" + evil, null), 80, 24));
        assertFalse(all.chars().anyMatch(c -> c < 0x20 && c != '\n'), "no control character: " + all);
        assertTrue(all.contains("Calves^[]0;pwned^G^[[2J"), all);
    }

    @Test
    void aLostLinkSaysTheStopIsBeingSentEvenOnATinyTerminal() {
        LiveFrame lost = new LiveFrame("P", "serial:/dev/ttyUSB0", null, true, 3, 20, "Piriformis", "LEFT", false,
                "PAUSED", "PAUSED (link lost)", null, null, 60, 270, 1080, 0.25, "Small circles", null,
                0, 0.35, 0.35, "stopped", "", null);
        for (int[] size : new int[][] {{80, 24}, {40, 8}, {20, 3}}) {
            String all = String.join("\n", LiveLayout.lines(lost, size[0], size[1]));
            assertTrue(all.contains(size[0] >= 40 ? "LINK DOWN: sending stop" : "LINK DOWN"), size[0] + "x" + size[1] + "\n" + all);
        }
    }

    @Test
    void keysMapToControlsAndSpaceToggles() {
        assertEquals(Control.PAUSE, LiveKeys.controlFor(' ', false));
        assertEquals(Control.RESUME, LiveKeys.controlFor(' ', true));
        assertEquals(Control.SKIP, LiveKeys.controlFor('n', false));
        assertEquals(Control.PREVIOUS, LiveKeys.controlFor('b', false));
        assertEquals(Control.SOFTER, LiveKeys.controlFor('-', false));
        assertEquals(Control.HARDER, LiveKeys.controlFor('+', false));
        assertEquals(Control.SKIP_COUNTDOWN, LiveKeys.controlFor('\r', false));
        assertEquals(Control.STOP, LiveKeys.controlFor('q', false));
        assertNull(LiveKeys.controlFor('x', false));
    }

    static void assertWithin(List<String> lines, int w, int h) {
        assertTrue(lines.size() <= Math.max(3, h), lines.size() + " lines for " + h + " rows");
        Set<String> seen = new HashSet<>();
        for (String l : lines) {
            assertTrue(l.length() <= Math.max(10, w), "wider than " + w + ": " + l);
            if (!l.isBlank()) assertTrue(seen.add(l), "twice: " + l);
        }
    }
}
