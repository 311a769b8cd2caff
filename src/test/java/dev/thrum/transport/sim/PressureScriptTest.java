package dev.thrum.transport.sim;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;

class PressureScriptTest {

    @Test
    void eachPressureHoldsUntilTheNextLine() {
        PressureScript s = PressureScript.parse("p.txt", "# light, right, too hard\n0 0.1\n30 0.35  # right\n\n60,0.95\n");
        assertEquals(0.1, s.pressureAt(Duration.ZERO));
        assertEquals(0.1, s.pressureAt(Duration.ofMillis(29_999)));
        assertEquals(0.35, s.pressureAt(Duration.ofSeconds(30)));
        assertEquals(0.95, s.pressureAt(Duration.ofMinutes(10)));
    }

    @Test
    void mistakesNameTheFileAndLine() {
        assertMessage("0 0.1\n5 1.5\n", "p.txt:2: pressure must be between 0");
        assertMessage("0 0.1\n0 0.2\n", "p.txt:2: times must increase");
        assertMessage("zero 0.1\n", "p.txt:1: seconds 'zero' is not a number");
        assertMessage("0 0.1 7\n", "p.txt:1: a line is SECONDS PRESSURE");
        assertMessage("# nothing\n", "p.txt: the script has no lines");
        assertMessage("0 NaN\n", "p.txt:1: pressure 'NaN' is not a number");
    }

    private static void assertMessage(String text, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PressureScript.parse("p.txt", text));
        assertTrue(e.getMessage().startsWith(says), e.getMessage());
    }
}
