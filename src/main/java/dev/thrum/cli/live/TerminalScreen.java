package dev.thrum.cli.live;

import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The terminal under the live view, through JLine: the view is drawn on the alternate screen (as
 * {@code top} does) by a {@link Display}, which rewrites only the lines that changed; a resize
 * (SIGWINCH) is noticed and the next frame is laid out for the new size on a cleared screen; keys
 * are read one at a time without echo. {@link #close()} leaves the alternate screen and restores
 * the terminal's own settings, so what the person types after Thrum ends goes to the shell as
 * usual; the run command calls it on every way out, and a shutdown hook calls it if the JVM ends
 * first (SIGTERM). Ctrl-C is delivered to {@code onInterrupt}, not to the JVM's default handler.
 */
public final class TerminalScreen implements AutoCloseable {
    private final Terminal terminal;
    private final Attributes saved;
    private final Display display;
    private final Thread reader;
    private final Thread restoreOnExit;
    private volatile boolean resized = true;
    private volatile boolean open = true;

    private TerminalScreen(Terminal terminal, IntConsumer onKey, Runnable onInterrupt) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        // raw mode as JLine sets it keeps ISIG: Ctrl-C still signals, and comes to us below
        terminal.handle(Terminal.Signal.INT, s -> onInterrupt.run());
        terminal.handle(Terminal.Signal.WINCH, s -> resized = true);
        terminal.puts(InfoCmp.Capability.enter_ca_mode);
        terminal.puts(InfoCmp.Capability.cursor_invisible);
        terminal.flush();
        this.display = new Display(terminal, true);
        this.reader = new Thread(() -> readKeys(onKey), "thrum-keys");
        reader.setDaemon(true);
        this.restoreOnExit = new Thread(this::close, "thrum-terminal-restore");
    }

    /** Opens the live view's terminal, or returns null when there is no real terminal to draw on. */
    public static TerminalScreen open(IntConsumer onKey, Runnable onInterrupt) {
        Terminal t;
        try {
            t = TerminalBuilder.builder().system(true).dumb(false).nativeSignals(true).build();
        } catch (IOException | IllegalStateException e) {
            return null;
        }
        if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
            closeQuietly(t);
            return null;
        }
        TerminalScreen screen = new TerminalScreen(t, onKey, onInterrupt);
        Runtime.getRuntime().addShutdownHook(screen.restoreOnExit);
        screen.reader.start();
        return screen;
    }

    /** The terminal's size now (columns, rows). */
    public Size size() {
        return terminal.getSize();
    }

    /** Draws these lines (already laid out for {@link #size()}); only what changed is rewritten. */
    public synchronized void show(List<String> lines) {
        if (!open) return;
        Size size = terminal.getSize();
        if (resized) {
            resized = false;
            display.clear();
            display.resize(size.getRows(), size.getColumns());
            terminal.puts(InfoCmp.Capability.clear_screen);
        }
        // Display edits the list it is given (and keeps it), so it gets a fresh, mutable one
        List<AttributedString> next = new ArrayList<>(lines.size());
        for (String l : lines) next.add(new AttributedString(l));
        display.update(next, -1);
        terminal.flush();
    }

    /** Rings the terminal bell (a terminal set to a visual bell flashes instead). */
    public synchronized void bell() {
        if (!open) return;
        terminal.puts(InfoCmp.Capability.bell);
        terminal.flush();
    }

    private void readKeys(IntConsumer onKey) {
        NonBlockingReader in = terminal.reader();
        try {
            while (open) {
                int c = in.read(200);
                if (c >= 0) onKey.accept(c);
                else if (c == NonBlockingReader.EOF) return;
            }
        } catch (IOException e) {
            // the terminal went away: nothing more to read
        }
    }

    /** Leaves the alternate screen and gives the terminal back as it was. Safe to call twice. */
    @Override
    public void close() {
        synchronized (this) {
            if (!open) return;
            open = false;
        }
        // Let the key reader finish its last timed read first: a read still pending when the
        // terminal goes back to line mode would swallow the next line the person types (an answer
        // to a question after the session, say).
        if (Thread.currentThread() != reader) {
            try {
                reader.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            terminal.puts(InfoCmp.Capability.cursor_visible);
            terminal.puts(InfoCmp.Capability.exit_ca_mode);
            terminal.flush();
            terminal.setAttributes(saved);
        } finally {
            closeQuietly(terminal);
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException shuttingDown) {
                // this is the hook, or the JVM is already going down
            }
        }
    }

    private static void closeQuietly(Terminal t) {
        try {
            t.close();
        } catch (IOException e) {
            // nothing more to restore
        }
    }
}
