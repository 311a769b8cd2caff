package dev.thrum.daemon;

import dev.thrum.app.DeviceConnector;
import dev.thrum.app.DeviceHub;
import dev.thrum.transport.sim.PressureScript;
import dev.thrum.app.ScaledClock;
import dev.thrum.fhir.AfterSessionSync;
import dev.thrum.files.ClientStore;
import dev.thrum.files.EarlyProfiles;
import dev.thrum.files.ThrumDirs;
import dev.thrum.log.JournalRecovery;
import dev.thrum.log.UsageLog;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.transport.TransportException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Puts a real daemon together: profiles, the connected device, the session host, the endpoints. */
public final class DaemonAssembly {
    private static final System.Logger LOG = System.getLogger(DaemonAssembly.class.getName());

    /**
     * @param simRecord simulator only: also append every frame the simulated massager receives to this file; null for none
     * @param heartbeat quiet time after which an event stream gets a comment line
     * @param linkGrace how long the device may stay unreachable before the daemon closes
     */
    /** @param pressureScript simulator only: the scripted person presses as this script says (null: a steady press) */
    public record Options(DaemonSettings settings, ThrumDirs dirs, DaemonFiles files, Path simRecord,
                          Duration heartbeat, Duration linkGrace, PressureScript pressureScript) {

        public Options(DaemonSettings settings, ThrumDirs dirs, DaemonFiles files, Path simRecord, Duration heartbeat,
                       Duration linkGrace) {
            this(settings, dirs, files, simRecord, heartbeat, linkGrace, null);
        }
    }

    private DaemonAssembly() {}

    /**
     * Claims the port and the token, connects the device, then starts the API.
     *
     * @throws IOException when another daemon runs, the port is taken or the device cannot be reached (the message says which)
     */
    public static Daemon open(Options o) throws IOException {
        UsageLog log = UsageLog.in(o.dirs().data());
        recover(log);
        // the port and token first: they need no profiles (still loading) and no device
        Daemon.Reservation api = Daemon.reserve(o.settings().port(), o.files());
        try {
            return open(o, log, api);
        } finally {
            api.close(); // gives the port back unless the daemon started
        }
    }

    private static Daemon open(Options o, UsageLog log, Daemon.Reservation api) throws IOException {
        ProfileLibrary profiles = EarlyProfiles.load(Path.of("").toAbsolutePath(), o.dirs());
        profiles.errors().forEach(p -> LOG.log(System.Logger.Level.WARNING, "skipped a bad device profile: " + p));
        Clock clock = o.settings().speedup() > 1 ? new ScaledClock(Clock.systemUTC(), o.settings().speedup()) : Clock.systemUTC();
        DeviceHub hub;
        try {
            hub = new DeviceConnector(profiles).open(o.settings().device(), clock);
        } catch (TransportException e) {
            String from = o.settings().deviceFrom();
            throw new IOException("cannot connect to " + DeviceText.of(o.settings().device()) + ": " + e.getMessage()
                    + (from == null ? "" : "; the device is set in " + from + ": fix it there, or give --device"), e);
        }
        try {
            if (o.simRecord() != null) hub.recordSimulatorTo(o.simRecord());
            if (o.pressureScript() != null) hub.pressSimulator(o.pressureScript());
            RunnerSessionHost host = new RunnerSessionHost(hub, log, new ClientStore(o.dirs().clients()), clock, o.linkGrace());
            // "syncAfterSession" in fhir.json (docs/fhir.md): queued records go to the clinic's server after each session
            AfterSessionSync.forDaemon(o.dirs(), m -> LOG.log(System.Logger.Level.INFO, m), m -> LOG.log(System.Logger.Level.WARNING, m))
                    .ifPresent(sync -> host.addListener(e -> { if (e instanceof HostEvent.SessionEnded) sync.sessionEnded(); }));
            LibraryEndpoints library = new LibraryEndpoints(o.dirs());
            LogEndpoints logs = new LogEndpoints(log, new ClientStore(o.dirs().clients()));
            return api.start(new Daemon.Parts(o.settings(), o.files(), host, new LibraryPlans(library, o.dirs()),
                    List.of(library::register, new EditorEndpoints(library)::register, logs::register,
                            new HistoryEndpoints(logs, library)::register, new ClientWebEndpoints(o.dirs())::register,
                            DeviceEndpoints.forDaemon(host, o.settings().device(), hub.profile(), profiles, o.dirs().configFile(), o.linkGrace())::register),
                    o.heartbeat(), o.linkGrace()));
        } catch (IOException | RuntimeException e) {
            hub.close(); // stops the motor and closes the link
            throw e;
        }
    }

    // Sessions a crash or power cut left behind go into the log as interrupted, before anything new starts.
    private static void recover(UsageLog log) {
        try {
            JournalRecovery.Result r = log.recover();
            r.recovered().forEach(s -> LOG.log(System.Logger.Level.INFO, "recovered interrupted session " + s.id() + " into the log"));
            r.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p));
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not check for interrupted sessions in " + log.dataDir() + ": " + e.getMessage());
        }
    }
}
