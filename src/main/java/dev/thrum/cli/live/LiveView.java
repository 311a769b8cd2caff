package dev.thrum.cli.live;

import dev.thrum.engine.Control;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live view on a terminal, the same whether the session runs here or in the daemon: a frame
 * from {@link Source} five times a second, laid out by {@link LiveLayout} for the terminal's size
 * now, drawn by {@link TerminalScreen}; single keys become controls ({@link LiveKeys}); the bell
 * rings when the person should move the gun.
 */
public final class LiveView implements AutoCloseable {

    /** Where the session is: this process's runner, or the daemon. */
    public interface Source {
        /** What to show now, with {@code lastEvent} as the bottom line; null before the first view. */
        LiveFrame frame(String lastEvent);

        /** Applies a control from a key (STOP included: it must stop the motor at once). */
        void control(Control control);
    }

    private final Source source;
    private final TerminalScreen screen;
    private final ScheduledExecutorService redraw = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "thrum-view");
        t.setDaemon(true);
        return t;
    });
    private volatile String lastEvent = "";
    private volatile LiveFrame lastFrame;

    private LiveView(Source source, Runnable onInterrupt) {
        this.source = source;
        this.screen = TerminalScreen.open(this::onKey, onInterrupt);
    }

    /**
     * Opens the view on the terminal and starts drawing; null when there is no terminal JLine can
     * drive (the caller then prints plain lines). {@code onInterrupt} is what Ctrl-C does.
     */
    public static LiveView open(Source source, Runnable onInterrupt) {
        LiveView view = new LiveView(source, onInterrupt);
        if (view.screen == null) return null;
        view.redraw.scheduleAtFixedRate(view::draw, 0, 200, TimeUnit.MILLISECONDS);
        return view;
    }

    /** A line for the bottom of the view; {@code bell} rings the terminal (a change of region or side). */
    public void event(String line, boolean bell) {
        if (line != null) lastEvent = line;
        if (bell) screen.bell();
    }

    private void onKey(int key) {
        LiveFrame f = lastFrame;
        Control c = LiveKeys.controlFor(key, f != null && f.paused());
        if (c != null) source.control(c);
        draw();
    }

    private void draw() {
        try {
            LiveFrame f = source.frame(lastEvent);
            if (f == null) return;
            lastFrame = f;
            var size = screen.size();
            screen.show(LiveLayout.lines(f, size.getColumns(), size.getRows()));
        } catch (RuntimeException e) {
            lastEvent = "view: " + e.getMessage(); // a bad frame must not end the redraws
        }
    }

    /** Stops drawing and gives the terminal back. */
    @Override
    public void close() {
        redraw.shutdownNow();
        try {
            redraw.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        screen.close();
    }
}
