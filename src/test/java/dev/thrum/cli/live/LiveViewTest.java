package dev.thrum.cli.live;

import dev.thrum.engine.Control;
import dev.thrum.engine.PauseReason;
import dev.thrum.engine.Phase;
import dev.thrum.engine.SessionState;
import dev.thrum.engine.SessionView;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class LiveViewTest {

    private static SessionView view(SessionState state, Integer commanded) {
        return new SessionView(state, state == SessionState.PAUSED ? PauseReason.USER : null, false,
                state == SessionState.PAUSED ? Phase.PAUSED : Phase.RAMP_UP, 2, 20, "piriformis", "Piriformis",
                Side.LEFT, "Small circles", false, Duration.ofSeconds(30), Duration.ofSeconds(60),
                0.35, 0.35, 0.2, commanded, 0.2, 0.25, Duration.ofSeconds(270), Duration.ZERO,
                Duration.ofMinutes(18), 80, commanded);
    }

    @Test
    void showsRegionSideCueTargetAndTheDevicesOwnValue() {
        String[] lines = LiveView.render(view(SessionState.RUNNING, 1880), "Sciatica relief", "sim:x", "rpm", "last");
        String all = String.join("\n", lines);
        assertTrue(lines[1].contains("Step 3/20") && lines[1].contains("Piriformis (left)") && lines[1].contains("1:00 left"), all);
        assertTrue(lines[2].contains("Small circles"), all);
        assertTrue(lines[3].contains("target 35%") && lines[3].contains("(1880 rpm)"), all);
        assertTrue(lines[0].contains("battery 80%"), all);
        assertTrue(lines[4].contains("4:30 of 18:00"), all);
    }

    @Test
    void aPausedSessionSaysSoAndTheMotorIsShownStopped() {
        String all = String.join("\n", LiveView.render(view(SessionState.PAUSED, null), "P", "sim:x", "rpm", ""));
        assertTrue(all.contains("PAUSED (user)") && all.contains("now stopped"), all);
    }

    /** While the link is lost Thrum keeps sending stop; the view says so, not only "paused". */
    @Test
    void aLostLinkSaysStopIsBeingSent() {
        SessionView lost = new SessionView(SessionState.PAUSED, PauseReason.LINK_LOST, true, Phase.PAUSED, 2, 20,
                "piriformis", "Piriformis", Side.LEFT, "Small circles", false, Duration.ofSeconds(30), Duration.ofSeconds(60),
                0.35, 0.35, 0.2, null, 0.2, 0.25, Duration.ofSeconds(270), Duration.ZERO, Duration.ofMinutes(18), 80, null);
        String all = String.join("\n", LiveView.render(lost, "P", "serial:/dev/ttyUSB0", "rpm", ""));
        assertTrue(all.contains("LINK DOWN: sending stop") && all.contains("PAUSED (link lost)"), all);
    }

    @Test
    void keysMapToControlsAndSpaceToggles() {
        assertEquals(Control.PAUSE, LiveView.controlFor(' ', view(SessionState.RUNNING, 1800)));
        assertEquals(Control.RESUME, LiveView.controlFor(' ', view(SessionState.PAUSED, null)));
        assertEquals(Control.SKIP, LiveView.controlFor('n', null));
        assertEquals(Control.PREVIOUS, LiveView.controlFor('b', null));
        assertEquals(Control.SOFTER, LiveView.controlFor('-', null));
        assertEquals(Control.HARDER, LiveView.controlFor('+', null));
        assertEquals(Control.STOP, LiveView.controlFor('q', null));
        assertNull(LiveView.controlFor('x', null));
    }
}
