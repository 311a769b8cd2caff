package dev.thrum.fhir;

/**
 * Text from a server or a file made harmless for a terminal: control characters (escape sequences
 * included) become visible {@code \\uXXXX}. Kept here until the shared TerminalText helper lands.
 */
final class SafeText {
    private SafeText() {}

    static String of(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }
}
