package dev.thrum.quick;

import dev.thrum.daemon.DaemonFiles;
import dev.thrum.text.PressureLine;
import dev.thrum.text.TerminalText;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

import static dev.thrum.quick.QuickHttp.field;

/**
 * {@code thrum status} (without {@code --json}) on the short path of {@link QuickStop}: two GETs on
 * a plain socket, the same lines as the full {@code StatusCommand}, which still serves
 * {@code --json} and {@code --help}. A test compares the two outputs.
 */
public final class QuickStatus {
    private QuickStatus() {}

    public static boolean handles(String[] args) {
        return args.length == 1 && args[0].equals("status");
    }

    public static int run(DaemonFiles files, PrintStream out, PrintStream err) {
        QuickDaemon daemon = QuickDaemon.find(files);
        if (daemon == null) {
            out.println("Daemon: not running (start it with 'thrum daemon' or 'systemctl --user start thrum').");
            return 1;
        }
        try {
            QuickHttp.Response devices = daemon.send("GET", "/devices");
            QuickHttp.Response session = daemon.send("GET", "/session");
            if (!devices.ok() || !session.ok()) {
                err.println("thrum status: " + TerminalText.safe((devices.ok() ? session : devices).errorText()));
                return 1;
            }
            out.println("Daemon: running on http://127.0.0.1:" + daemon.port);
            out.println("Device: " + safe(field(devices.body(), "describe")) + ", link " + safe(field(devices.body(), "link")));
            printSession(session.body(), out);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("thrum status: " + TerminalText.safe(String.valueOf(e.getMessage())));
            return 1;
        }
    }

    private static void printSession(String s, PrintStream out) {
        if (!"true".equals(field(s, "running"))) {
            out.println("Session: none running");
            int last = s.indexOf("\"lastReport\"");
            if (last >= 0) {
                String r = s.substring(last);
                out.println("Last session: " + safe(field(r, "programName")) + ", " + lower(field(r, "outcome")) + ", "
                        + whole(field(r, "activeSeconds")) + " s active");
            }
            return;
        }
        int at = s.indexOf("\"view\"");
        String v = at < 0 ? s : s.substring(at);
        String side = field(v, "side") == null ? "NONE" : field(v, "side");
        String reason = field(v, "pauseReason");
        out.println("Session: " + lower(field(v, "state")) + (reason == null ? "" : " (" + lower(reason) + ")"));
        out.println("Step " + (Integer.parseInt(field(v, "stepIndex")) + 1) + " of " + field(v, "stepCount") + ": "
                + safe(field(v, "regionName")) + (side.equals("NONE") ? "" : " (" + lower(side) + ")") + ", "
                + lower(field(v, "phase")).replace('_', ' ') + ", " + whole(field(v, "stepRemaining")) + " s left");
        out.println("Intensity: " + percent(field(v, "commandedIntensity")) + "% (target " + percent(field(v, "targetIntensity"))
                + "%, cap " + percent(field(v, "cap")) + "%)");
        int p = s.indexOf("\"pressure\"", Math.max(0, at));
        int last = s.indexOf("\"lastReport\"");
        if (p >= 0 && (last < 0 || p < last) && field(s.substring(p), "band") != null && !"true".equals(field(v, "rest"))) {
            String pr = s.substring(p, last < 0 ? s.length() : last); // the pressure object holds a nested one: cut at the next key
            out.println("Pressure: " + safe(PressureLine.of(field(pr, "band"), field(pr, "advice"),
                    field(pr, "words") == null ? "" : field(pr, "words"), field(pr, "shown"), field(pr, "unit") != null)));
        }
        String battery = field(v, "battery");
        out.println("Progress: " + percent(field(v, "overallProgress")) + "%, active " + whole(field(v, "activeTime"))
                + " s, paused " + whole(field(v, "pausedTime")) + " s" + (battery == null ? "" : ", battery " + battery + "%"));
    }

    private static String safe(String s) {
        return s == null ? "" : TerminalText.safe(s);
    }

    private static String lower(String s) {
        return s == null ? "" : TerminalText.safe(s).toLowerCase(Locale.ROOT);
    }

    /** As {@code %.0f} prints it. */
    private static String whole(String number) {
        return number == null ? "0" : Long.toString(Math.round(Double.parseDouble(number)));
    }

    private static String percent(String fraction) {
        return fraction == null ? "0" : Long.toString(Math.round(100 * Double.parseDouble(fraction)));
    }
}
