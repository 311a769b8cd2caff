package dev.thrum;

import dev.thrum.cli.ThrumCommand;
import dev.thrum.daemon.DaemonFiles;
import dev.thrum.store.EarlyProfiles;
import dev.thrum.quick.QuickStatus;
import dev.thrum.quick.QuickStop;

import java.util.Locale;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point: composes the application and hands the arguments to the CLI. */
public final class Main {
    /** Commands that load the device profiles first thing; see {@link EarlyProfiles}. */
    static final Set<String> EARLY_PROFILE_COMMANDS = Set.of("daemon", "run");

    private Main() {}

    public static void main(String[] args) {
        // The emergency stop first, before anything else is loaded (see QuickStop).
        if (QuickStop.handles(args)) System.exit(QuickStop.run(DaemonFiles.fromEnvironment(), System.out, System.err));
        if (QuickStatus.handles(args)) System.exit(QuickStatus.run(DaemonFiles.fromEnvironment(), System.out, System.err));
        if (args.length > 0 && EARLY_PROFILE_COMMANDS.contains(args[0])) EarlyProfiles.start();
        configureLogging(System.getenv("THRUM_LOG"));
        System.exit(ThrumCommand.commandLine(args).execute(args));
    }

    /**
     * Diagnostics go to stderr at WARNING and above unless {@code THRUM_LOG} asks for more
     * ({@code info}, or {@code debug} for rejected frames and every write): routine link news would
     * otherwise scroll through the live view.
     */
    static Level configureLogging(String setting) {
        Level level = switch (setting == null ? "" : setting.trim().toLowerCase(Locale.ROOT)) {
            case "debug", "fine" -> Level.FINE;
            case "trace", "all" -> Level.ALL;
            case "info" -> Level.INFO;
            case "error", "severe" -> Level.SEVERE;
            default -> Level.WARNING;
        };
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler h : root.getHandlers()) h.setLevel(level);
        return level;
    }
}
