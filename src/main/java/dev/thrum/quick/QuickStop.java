package dev.thrum.quick;

import dev.thrum.daemon.DaemonFiles;
import dev.thrum.text.TerminalText;

import java.io.IOException;
import java.io.PrintStream;

import static dev.thrum.quick.QuickHttp.field;
import static dev.thrum.quick.QuickHttp.oneDecimal;

/**
 * {@code thrum stop} on the shortest path a JVM allows: a person reaching for a shell to stop a
 * motor should wait for the device, not for the command line's set-up. {@code Main} comes here
 * before the command-line library is touched: no picocli command tree, no JSON library, no
 * {@code HttpClient}; the daemon's state file and token are read as text ({@link QuickDaemon}) and
 * {@code POST /stop} goes out on a plain socket ({@link QuickHttp}). It answers exactly as the full
 * {@code StopCommand} does (which still serves {@code thrum stop --help} and tests).
 * docs/benchmarks.md has the figures.
 */
public final class QuickStop {
    private QuickStop() {}

    /** Whether these arguments are a plain {@code thrum stop} this path can serve. */
    public static boolean handles(String[] args) {
        return args.length == 1 && args[0].equals("stop");
    }

    /** Runs the stop; returns the exit code (0 stopped, 1 no daemon or the stop not confirmed). */
    public static int run(DaemonFiles files, PrintStream out, PrintStream err) {
        QuickDaemon daemon = QuickDaemon.find(files);
        if (daemon == null) {
            err.println("thrum stop: no thrum daemon is running, so there is nothing to stop through it."
                    + " A session started with 'thrum run' stops with its own keys (s or Ctrl-C); otherwise switch the massager off by hand.");
            return 1;
        }
        try {
            QuickHttp.Response r = daemon.send("POST", "/stop");
            if (!r.ok()) {
                err.println("thrum stop: " + TerminalText.safe(r.errorText()));
                return 1;
            }
            out.println("Motor stopped (stop frame written " + oneDecimal(field(r.body(), "millis")) + " ms after the request).");
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("thrum stop: " + TerminalText.safe(String.valueOf(e.getMessage())) + "; switch the massager off by hand");
            return 1;
        }
    }
}
