package dev.thrum.cli.live;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BarsTest {

    @Test
    void fillsToTheFractionAndMarksTheTarget() {
        assertEquals("[##........]", Bars.bar(0.2, -1, 10));
        assertEquals("[#####|....]", Bars.bar(0.5, 0.5, 10));
        assertEquals("[##########]", Bars.bar(1.7, -1, 10));
        assertEquals("[..........]", Bars.bar(Double.NaN, -1, 10));
    }

    @Test
    void formatsMinutesAndSeconds() {
        assertEquals("0:00", Bars.clock(-3));
        assertEquals("2:05", Bars.clock(125.2));
    }
}
