package dev.thrum.plan;

import java.util.List;

/** The words of a reminder, made safe for notification servers (which may read the body as markup). */
final class NotificationText {
    private NotificationText() {}

    static String body(Reminders.Moment m, List<String> programIds) {
        String at = m.at() == null ? "" : " at " + m.at().toLocalTime();
        return m.client().name() + "'s plan for today" + at + ". Start with: thrum run " + programIds.get(0)
                + " --client " + m.client().id();
    }

    /** Control characters out (names come from files). */
    static String plain(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return sb.toString();
    }

    /** The body may be read as a small HTML-like markup: escape it. */
    static String markupSafe(String s) {
        return plain(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
