package dev.thrum.cli;

import dev.thrum.app.DeviceHub;
import dev.thrum.app.DeviceUnavailableException;
import dev.thrum.app.SessionService;
import dev.thrum.app.PressureScripts;
import dev.thrum.app.DeviceSpec;
import dev.thrum.app.SessionRunner;
import dev.thrum.cli.live.LiveKeys;
import dev.thrum.cli.live.LiveView;
import dev.thrum.cli.live.LocalSource;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonFiles;
import dev.thrum.cli.live.PlainView;
import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;
import dev.thrum.store.AppConfig;
import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.SessionRecord;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.program.Client;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.text.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** {@code thrum run PROGRAM}: runs a guided program on the massager. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a guided program on the massager (the simulator when no device is set up).",
        footer = {"", LiveKeys.HELP})
public final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROGRAM", arity = "0..1",
            description = "program id (see 'thrum programs list') or a program file; left out: offers what is due today")
    String programRef;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "sim, sim:PROFILE, ble, ble:ADDRESS or serial:PATH (default: config.json, else sim)")
    String device;

    @Option(names = "--client", paramLabel = "CLIENT",
            description = "apply this client's limits: an id, a name (any case) or the start of either (see 'thrum clients list')")
    String clientName;

    @Option(names = "--speedup", paramLabel = "N", defaultValue = "1",
            description = "run the program's clock N times faster, for simulators and test rigs; caps still hold")
    double speedup;

    @Option(names = "--pressure-script", paramLabel = "FILE",
            description = "with --device sim: press the simulated gun as FILE says (lines of SECONDS PRESSURE 0..1)")
    Path pressureScript;

    @Option(names = {"-y", "--yes"}, description = "answer yes to questions (speedup on a real device, condition warnings)")
    boolean yes;

    @Option(names = "--plain", description = "one line per event even on a terminal")
    boolean plain;

    @Option(names = "--pain-before", paramLabel = "0-10", description = "pain before the session (0 none .. 10 worst); not asked then")
    Integer painBefore;

    @Option(names = "--pain-after", paramLabel = "0-10", description = "pain after the session; not asked then")
    Integer painAfter;

    @Option(names = "--pain-where", paramLabel = "REGION,...", description = "where it hurts, region ids (see 'thrum programs regions')")
    String painWhere;

    @Option(names = "--note", paramLabel = "TEXT", description = "a note for the log; not asked then")
    String note;

    @Option(names = "--link-grace", paramLabel = "SECONDS", defaultValue = "120",
            description = "how long the device may stay unreachable before the session ends as link lost (default: ${DEFAULT-VALUE})")
    long linkGraceSeconds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Supplier<ThrumDirs> dirs;
    private final Supplier<DaemonFiles> daemonFiles;

    public RunCommand() { this(ThrumDirs::fromEnvironment, DaemonFiles::fromEnvironment); }

    /** For tests and embedding: use these directories instead of the environment's (and no daemon). */
    public RunCommand(ThrumDirs dirs) { this(() -> dirs, () -> null); }

    /** For tests: these directories, and the daemon these files point at. */
    public RunCommand(ThrumDirs dirs, DaemonFiles daemonFiles) { this(() -> dirs, () -> daemonFiles); }

    private RunCommand(Supplier<ThrumDirs> dirs, Supplier<DaemonFiles> daemonFiles) {
        this.dirs = dirs;
        this.daemonFiles = daemonFiles;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ThrumDirs d = dirs.get();
        if (!(speedup >= 1)) throw new CommandLine.ParameterException(spec.commandLine(), "--speedup must be 1 or more");
        if (linkGraceSeconds < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--link-grace must be 1 second or more");
        PainScores pain = painFromOptions();
        if (programRef == null) {
            DueOffer.Choice choice = DueOffer.choose(new PlanSupport(d, Clock.systemUTC(), java.time.ZoneId.systemDefault()),
                    clientName, System.console() == null ? null : () -> System.console().readLine(), out, err);
            if (choice == null) return 2;
            programRef = choice.programId();
            clientName = choice.clientId();
        }

        // A running daemon owns the massager: the session goes through it.
        DaemonFiles files = daemonFiles.get();
        var daemon = files != null && device == null && speedup == 1 ? DaemonClient.find(files)
                : java.util.Optional.<DaemonClient>empty();
        if (daemon.isPresent()) {
            RegionCatalogue regions = new SessionService(d).regions();
            PainPrompts prompts = plain ? null : PainPrompts.onConsole(out, regionIds(regions));
            if (prompts != null) pain = prompts.before(pain);
            int exit = RunThroughDaemon.run(daemon.get(), programRef, clientName, pain, !plain && System.console() != null,
                    id -> regions.find(id).map(Region::cue).orElse(null), out, err);
            if (prompts != null) RunThroughDaemon.sendOutcome(daemon.get(), prompts.after(pain), pain, err);
            return exit;
        }

        SessionService service = new SessionService(d);
        printRecovery(service.recoverInterrupted(), err);

        RegionCatalogue catalogue = service.regions();
        SessionService.Prepared prepared;
        try {
            prepared = service.prepare(catalogue, new SessionService.Request(programRef, clientName,
                    SessionService.ProgramRefs.ID_OR_FILE), dialogue(out, err)).orElse(null);
        } catch (SessionService.UnknownName e) {
            throw unknownProgram(e);
        }
        if (prepared == null) {
            err.println("thrum: not started; confirm with --yes, or on a terminal");
            return 1;
        }
        SessionPlan plan = prepared.plan();
        plan.notes().forEach(n -> out.println("note: " + n));

        DeviceSpec deviceSpec = chooseDevice(d, out);
        if (speedup > 1 && !deviceSpec.isSimulator() && !confirm(
                "Run " + speedup + "x faster than real time on a real device (" + device + ")?", out, err)) {
            err.println("thrum: --speedup on a device that is not the built-in simulator needs --yes");
            return 2;
        }

        ProfileLibrary profiles = service.profiles();
        profiles.errors().forEach(p -> err.println("warning: skipped a bad device profile: " + p));
        Clock clock = service.clock(speedup);
        DeviceHub hub;
        try {
            hub = service.connect(profiles, deviceSpec, clock);
        } catch (DeviceUnavailableException e) {
            err.println("thrum: cannot connect: " + e.getMessage());
            return 1;
        }
        if (pressureScript != null) {
            try {
                if (!hub.pressSimulator(PressureScripts.read(pressureScript))) {
                    hub.close();
                    err.println("thrum: --pressure-script only works with the simulator (--device sim)");
                    return 2;
                }
            } catch (IllegalArgumentException e) {
                hub.close();
                err.println("thrum: " + e.getMessage());
                return 2;
            }
        }
        out.println("device: " + hub.address() + " (" + hub.profile().name() + ")");
        java.util.Set<String> regions = regionIds(catalogue);
        PainPrompts prompts = plain ? null : PainPrompts.onConsole(out, regions);
        if (prompts != null) pain = prompts.before(pain);
        SessionRunner runner = service.runner(hub, prepared, clock, Duration.ofSeconds(linkGraceSeconds), pain);
        int exit = runSession(runner, catalogue, out, err);
        if (prompts != null && lastRecord != null) PainOutcome.askAfter(prompts, service.usageLog(), lastRecord, pain, err);
        return exit;
    }

    private SessionRecord lastRecord;

    private PainScores painFromOptions() {
        try {
            return new PainScores(painBefore, painAfter, PainScores.regionList(painWhere), note);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pain-before/--pain-after/--note: " + e.getMessage());
        }
    }

    private java.util.Set<String> regionIds(RegionCatalogue catalogue) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        catalogue.all().forEach(r -> ids.add(r.id()));
        List<String> unknown = PainScores.regionList(painWhere).stream().filter(r -> !ids.contains(r)).toList();
        if (!unknown.isEmpty()) throw new CommandLine.ParameterException(spec.commandLine(), "--pain-where: unknown region "
                + dev.thrum.text.TerminalText.safe(String.join(", ", unknown)) + "; known: " + String.join(", ", ids));
        return ids;
    }

    private int runSession(SessionRunner runner, RegionCatalogue catalogue, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        DeviceHub hub = runner.device();
        LocalSource source = new LocalSource(runner, id -> catalogue.find(id).map(Region::cue).orElse(null));
        runner.addListener(source);
        AtomicBoolean interrupted = new AtomicBoolean();
        var stopped = new java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>>();
        LiveView liveView = !plain && System.console() != null ? LiveView.open(source, () -> {
            // Ctrl-C on the live view: stop the motor first, then the normal way out logs and reports
            interrupted.set(true);
            stopped.compareAndSet(null, runner.emergencyStop());
        }) : null;
        if (liveView != null) source.attach(liveView);
        else runner.addListener(new PlainView(out, err));
        // SIGTERM (and Ctrl-C without the live view): the motor stops first, the session is logged, then the process ends.
        Thread onSignal = new Thread(() -> {
            if (!runner.isRunning()) return;
            String said;
            try {
                runner.emergencyStop().get(2, TimeUnit.SECONDS);
                runner.awaitEnd(Duration.ofSeconds(5));
                said = "Stopped by a signal: the motor was stopped and the session logged.";
            } catch (Exception e) {
                said = "Stopped by a signal, but the stop could not be confirmed: switch the massager off by hand.";
            }
            out.println(said);
            out.flush();
            hub.close();
        }, "thrum-stop-on-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        runner.start();
        SessionReport report;
        try {
            report = runner.awaitEnd();
        } finally {
            if (liveView != null) liveView.close();
            hub.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        if (interrupted.get()) out.println(ctrlCAnswer(stopped.get()));
        printSummary(report, runner.record(), out);
        lastRecord = runner.record();
        if (!runner.stopConfirmed()) {
            err.println("thrum: Thrum could not confirm that the motor stopped (the massager did not answer)."
                    + " It may still be running: switch it off by hand now.");
            err.flush();
        }
        return report.outcome() == Outcome.COMPLETED || report.outcome() == Outcome.STOPPED_BY_USER
                || report.outcome() == Outcome.STOPPED_BY_LIMIT ? 0 : 1;
    }

    /** What Ctrl-C did, in words: the stop was written to the device, or it could not be confirmed. */
    static String ctrlCAnswer(java.util.concurrent.CompletableFuture<Void> stop) {
        try {
            if (stop != null) stop.get(2, TimeUnit.SECONDS);
            return "Ctrl-C: the motor was stopped and the session logged.";
        } catch (Exception e) {
            return "Ctrl-C: the stop could not be confirmed (" + (e.getCause() == null ? e : e.getCause()).getMessage()
                    + "); the motor may still run: switch the massager off by hand.";
        }
    }

    private static void printSummary(SessionReport r, SessionRecord record, PrintWriter out) {
        out.printf(Locale.ROOT, "session %s: %s, %.0f s active, %.0f s paused, %d regions treated%n",
                record == null ? "(not logged)" : record.id(),
                r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                r.activeSeconds(), r.pausedSeconds(), r.regionsTreated());
        out.flush();
    }

    private static void printRecovery(SessionService.Recovery recovery, PrintWriter err) {
        for (SessionRecord r : recovery.recovered())
            err.println("note: recovered interrupted session " + r.id() + " (" + r.programName() + ") into the log");
        recovery.problems().forEach(p -> err.println("warning: " + p));
        if (recovery.failure() != null) err.println("warning: " + recovery.failure());
    }

    private CommandLine.ParameterException unknownProgram(SessionService.UnknownName e) {
        String near = Suggestions.didYouMean(programRef, e.known());
        return new CommandLine.ParameterException(spec.commandLine(), near.isEmpty() ? e.getMessage()
                : "no program '" + programRef + "'" + near + "; see 'thrum programs list'");
    }

    private DeviceSpec chooseDevice(ThrumDirs d, PrintWriter out) {
        String text = device;
        if (text == null) text = AppConfig.load(d.configFile()).device();
        if (text == null) {
            out.println("No device given (--device) or configured (" + d.configFile()
                    + "): using the simulated massager.");
            text = "sim";
        }
        device = text;
        try {
            return DeviceSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The terminal's side of preparing: warnings on stderr, the conditions read out and asked about. */
    private SessionService.Dialogue dialogue(PrintWriter out, PrintWriter err) {
        return new SessionService.Dialogue() {
            @Override
            public void warn(String message) { err.println("warning: " + message); }

            @Override
            public boolean confirmConditions(Client client, List<String> confirmations) {
                out.println("Before the first session for " + client.name() + ", please confirm:");
                confirmations.forEach(c -> out.println("  - " + c));
                out.println("Thrum has lowered the limits for these conditions. Check with a clinician before starting.");
                return confirm("Have you checked, and do you want to go ahead?", out, err);
            }
        };
    }

    private boolean confirm(String question, PrintWriter out, PrintWriter err) {
        if (yes) return true;
        if (System.console() == null) return false;
        out.print(question + " [y/N] ");
        out.flush();
        String answer = System.console().readLine();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
