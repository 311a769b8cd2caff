package dev.thrum.input;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Words that only appear when an internal exception's text reached the person. */
public final class InternalText {
    public static final List<String> LEAKS = List.of("Exception", "Cannot invoke", "For input string",
            "Source: REDACTED", "java.", "com.fasterxml", "\tat ");

    private InternalText() {}

    public static void assertNone(String text, String context) {
        for (String leak : LEAKS)
            assertFalse(text.contains(leak), "internal text '" + leak + "' in " + context + ":\n" + text);
    }
}
