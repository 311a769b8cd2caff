package dev.thrum.cli;

import dev.thrum.app.DeviceSpec;
import dev.thrum.app.PressureScripts;
import dev.thrum.app.ScriptedPress;
import dev.thrum.daemon.Daemon;
import dev.thrum.daemon.DaemonAssembly;
import dev.thrum.daemon.DaemonFiles;
import dev.thrum.daemon.DaemonSettings;
import dev.thrum.store.ThrumDirs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.thrum.notify.DesktopNotifier;
import dev.thrum.plan.ReminderService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code thrum daemon}: runs in the foreground (for systemd) until SIGTERM or SIGINT, or until the
 * device stays lost. On the way down the motor is stopped first, then a running session is logged.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = {"Runs the Thrum daemon in the foreground (for systemd).",
                "It keeps the massager connected, runs one session at a time, writes the usage log,",
                "and serves the local API on 127.0.0.1 (see docs/api.md).",
                "Settings come from $XDG_CONFIG_HOME/thrum/config.json; these options override them.",
                "Exits 0 after SIGTERM/SIGINT (Java reports 143/130), 1 when the device was lost or it could not start."})
public final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "sim, sim:PROFILE, ble, ble:ADDRESS or serial:PATH (default: config.json, else sim).")
    String device;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default: config.json, else 7411; 0 picks a free one).")
    Integer port;

    @Option(names = "--speedup", paramLabel = "X", defaultValue = "1",
            description = "Run sessions X times faster than real time (simulator only).")
    double speedup;

    @Option(names = "--link-grace", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the device may stay unreachable before the daemon stops (default: ${DEFAULT-VALUE}).")
    long linkGraceSeconds;

    @Option(names = "--sim-record", paramLabel = "FILE", hidden = true,
            description = "Simulator only: append every frame the simulated massager receives to FILE (for tests).")
    Path simRecord;

    @Option(names = "--pressure-script", paramLabel = "FILE",
            description = "Simulator only: press the simulated gun as FILE says (lines of SECONDS PRESSURE 0..1; docs/pressure.md).")
    Path pressureScript;

    @Option(names = "--heartbeat-ms", hidden = true, defaultValue = "15000",
            description = "Milliseconds between heartbeat comments on quiet event streams.")
    long heartbeatMs;

    @Option(names = "--reminder-check-ms", hidden = true, defaultValue = "20000",
            description = "Milliseconds between looks for due plan reminders (for tests).")
    long reminderCheckMs;

    @Option(names = "--reminder-snooze-ms", hidden = true, defaultValue = "600000",
            description = "How long a snoozed reminder waits, in milliseconds (for tests; 10 minutes).")
    long reminderSnoozeMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Plan reminders while the daemon runs, as desktop notifications on the session bus. Whether a
     * notification service is there is checked once at the start (only when some plan has a time),
     * and said once in the log when it is not.
     */
    private ReminderService startReminders(ThrumDirs dirs) {
        ZoneId zone = ZoneId.systemDefault();
        PlanSupport plans = new PlanSupport(dirs, Clock.systemUTC(), zone);
        DesktopNotifier notifier = new DesktopNotifier(null);
        ReminderService service = new ReminderService(plans, notifier, Clock.systemUTC(), zone,
                Duration.ofMillis(reminderSnoozeMs));
        Thread probe = new Thread(() -> {
            try {
                if (plans.clients().stream().anyMatch(c -> c.plan() != null && c.plan().at() != null)) notifier.available();
            } catch (RuntimeException e) {
                // unreadable client files are reported by the commands that read them
            }
            service.start(Duration.ofMillis(reminderCheckMs));
        }, "thrum-reminders-start");
        probe.setDaemon(true);
        probe.start();
        return service;
    }

    @Override
    public Integer call() throws Exception {
        ThrumDirs dirs = ThrumDirs.fromEnvironment();
        DaemonSettings settings;
        try {
            settings = DaemonSettings.load(dirs.configFile());
            if (device != null) settings = settings.withDevice(DeviceSpec.parse(device));
            if (port != null) settings = settings.withPort(port);
            settings = settings.withSpeedup(speedup);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (simRecord != null && !settings.device().isSimulator())
            throw new CommandLine.ParameterException(spec.commandLine(), "--sim-record only works with the simulator (--device sim)");
        if (pressureScript != null && !settings.device().isSimulator())
            throw new CommandLine.ParameterException(spec.commandLine(), "--pressure-script only works with the simulator (--device sim)");
        ScriptedPress script;
        try {
            script = pressureScript == null ? null : PressureScripts.read(pressureScript);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DaemonFiles files = DaemonFiles.fromEnvironment();
        Daemon daemon = DaemonAssembly.open(new DaemonAssembly.Options(settings, dirs, files, simRecord,
                Duration.ofMillis(heartbeatMs), Duration.ofSeconds(linkGraceSeconds), script));
        ReminderService reminders = startReminders(dirs);
        // SIGTERM and SIGINT run shutdown hooks: the motor stops and the session is logged before the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reminders.close();
            daemon.close();
        }, "thrum-shutdown"));
        var out = spec.commandLine().getOut();
        out.println("thrum daemon: listening on http://127.0.0.1:" + daemon.port() + " for " + daemon.host().deviceDescription()
                + "; token in " + files.tokenFile());
        out.flush();
        daemon.awaitClosed();
        if (daemon.closeReason() != null) {
            spec.commandLine().getErr().println("thrum daemon: " + daemon.closeReason() + "; " + daemon.closeOutcome());
            return 1;
        }
        return 0;
    }
}
