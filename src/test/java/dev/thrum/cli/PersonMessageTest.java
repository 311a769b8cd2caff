package dev.thrum.cli;

import dev.thrum.input.InternalText;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last line of defence for messages: no JDK or Jackson internals reach the terminal (issue 13, item 22). */
class PersonMessageTest {

    @Test
    void thrums_own_messages_pass_and_jacksons_trailer_is_cut() {
        assertEquals("x.json: unknown region 'calvs'", ThrumCommand.personMessage(new IllegalArgumentException("x.json: unknown region 'calvs'")));
        String jackson = "Unexpected character ('g' (code 103))\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 18]";
        String shown = ThrumCommand.personMessage(new IllegalStateException(jackson));
        assertEquals("Unexpected character ('g' (code 103))", shown);
    }

    @Test
    void a_slip_inside_thrum_says_so_without_the_jdk_text() {
        for (RuntimeException slip : new RuntimeException[]{new NumberFormatException("For input string: \"99999999999\""),
                new NullPointerException("Cannot invoke \"java.lang.Boolean.booleanValue()\" because \"x\" is null")}) {
            String shown = ThrumCommand.personMessage(slip);
            assertTrue(shown.startsWith("internal error in Thrum"), shown);
            InternalText.assertNone(shown, "the message");
        }
    }
}
