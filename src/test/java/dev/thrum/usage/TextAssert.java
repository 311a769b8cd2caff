package dev.thrum.usage;

import static org.junit.jupiter.api.Assertions.assertTrue;

final class TextAssert {
    private TextAssert() {}

    static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), () -> "expected to find '" + part + "' in:\n" + text);
        }
    }
}
