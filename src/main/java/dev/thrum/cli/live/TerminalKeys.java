package dev.thrum.cli.live;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * Single-key input on a terminal: switches the terminal out of line mode (keeping Ctrl-C as a
 * signal, so stop on Ctrl-C always works) and hands each key to a listener on a daemon thread.
 * Restores the terminal on {@link #close()}, which the runner calls on every way out.
 */
public final class TerminalKeys implements AutoCloseable {
    private final Thread reader;
    private volatile boolean open = true;

    private TerminalKeys(InputStream in, IntConsumer onKey) {
        reader = new Thread(() -> {
            try {
                int c;
                while (open && (c = in.read()) >= 0) onKey.accept(c);
            } catch (IOException e) {
                // the terminal went away: nothing more to read
            }
        }, "thrum-keys");
        reader.setDaemon(true);
    }

    /** Starts reading keys; returns null when there is no terminal to read from. */
    public static TerminalKeys start(IntConsumer onKey) {
        if (System.console() == null || !stty("-icanon", "-echo", "min", "1")) return null;
        TerminalKeys keys = new TerminalKeys(System.in, onKey);
        keys.reader.start();
        return keys;
    }

    @Override
    public void close() {
        if (!open) return;
        open = false;
        stty("sane");
    }

    private static boolean stty(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "stty";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
