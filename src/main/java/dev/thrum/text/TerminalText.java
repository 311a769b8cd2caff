package dev.thrum.text;

/**
 * Text from a file or the API made safe to print on a terminal: control characters (escape
 * sequences could move the cursor or rewrite the screen) become visible {@code \\uXXXX} escapes.
 */
public final class TerminalText {
    private TerminalText() {}

    public static String safe(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (bad && sb == null) sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            if (bad) sb.append(String.format("\\u%04x", (int) c));
            else if (sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }
}
