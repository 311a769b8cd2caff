package dev.thrum.engine.pressure;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The advice's one spelling, as the API ({@code "advice"}) and the live view's pressure line show it. */
class PressureAdviceTest {

    @Test
    void idsAreLowerCaseWithHyphens() {
        assertEquals("lighter hold harder no-reading",
                String.join(" ", Arrays.stream(PressureAdvice.values()).map(PressureAdvice::id).toList()));
    }
}
