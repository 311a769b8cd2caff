package dev.thrum.text;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from a file or the API made harmless for a terminal. A program name, a cue, a client's name
 * or a log line can hold escape sequences ({@code ESC ] 0 ; title BEL}, {@code ESC [ 2 J}) that
 * would retitle the window, clear the screen or worse when printed raw. Every control character
 * becomes visible caret text instead ({@code ESC} reads {@code ^[}), so a person sees that the name
 * is odd and nothing acts on it.
 */
public final class TerminalText {
    private TerminalText() {}

    /**
     * {@code text} with every control character shown as text: C0 controls and DEL in caret form
     * ({@code ^[}, {@code ^G}, {@code ^?}), C1 controls and the bidirectional overrides (which can
     * make text read backwards) as {@code <U+009B>}. Null becomes "" (nothing to print). Line breaks and tabs are
     * controls too: a name or a cue is one line.
     */
    public static String safe(String text) {
        if (text == null) return "";
        int i = firstUnsafe(text, false);
        if (i < 0) return text;
        StringBuilder b = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) append(b, text.charAt(i), false);
        return b.toString();
    }

    /** Whether {@code c} would be neutralised by {@link #safe}. */
    public static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A writer for whole command output: like {@link #safe} but keeps line breaks and tabs, which
     * the command's own layout uses. Thrum's command line prints through it, so text from a file
     * or the API cannot reach the terminal raw whichever path printed it.
     */
    public static Writer safeWriter(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                write(new char[] {(char) c}, 0, 1);
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                StringBuilder b = new StringBuilder(len);
                for (int i = off; i < off + len; i++) TerminalText.append(b, buf[i], true);
                out.write(b.toString());
            }

            @Override
            public void write(String s, int off, int len) throws IOException {
                write(s.toCharArray(), off, len);
            }
        };
    }

    private static int firstUnsafe(String text, boolean keepLayout) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepLayout && layout(c))) return i;
        }
        return -1;
    }

    private static boolean layout(char c) {
        return c == '\n' || c == '\t';
    }

    private static void append(StringBuilder b, char c, boolean keepLayout) {
        if (!isUnsafe(c) || keepLayout && layout(c)) b.append(c);
        else if (c < 0x20) b.append('^').append((char) (c + 64));
        else if (c == 0x7f) b.append("^?");
        else b.append(String.format("<U+%04X>", (int) c));
    }
}
