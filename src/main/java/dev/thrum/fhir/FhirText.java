package dev.thrum.fhir;

/**
 * Free text as FHIR allows it. A FHIR string may not hold control characters other than tab, CR and
 * LF (a server refuses the whole resource), and a note typed into Thrum or a name from a file may:
 * each such character becomes U+FFFD, so the text still shows where something was dropped.
 */
final class FhirText {
    private FhirText() {}

    static String of(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c == 0x7f || c == 0xfffe || c == 0xffff
                    || Character.isSurrogate(c) && !validPair(s, i);
            if (bad && b == null) b = new StringBuilder(s.length()).append(s, 0, i);
            if (b != null) b.append(bad ? '\ufffd' : c);
        }
        String out = (b == null ? s : b.toString()).strip();
        return out.isEmpty() ? null : out;
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
