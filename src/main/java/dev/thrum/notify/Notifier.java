package dev.thrum.notify;

import java.util.function.LongConsumer;

/** Shows a reminder to the person. The daemon's one is {@link DesktopNotifier}; tests may record. */
public interface Notifier extends AutoCloseable {
    /** The action key of the snooze button. */
    String SNOOZE = "snooze";

    /**
     * Shows a notification with a snooze button.
     *
     * @return its id (what a snooze names), or -1 when it could not be shown (the notifier says why, once)
     */
    long show(String summary, String body);

    /** Called with a notification's id when the person pressed its snooze button. */
    void onSnooze(LongConsumer listener);

    @Override
    void close();
}
