package dev.thrum.daemon;

import dev.thrum.app.DeviceHub;
import dev.thrum.app.DeviceUnavailableException;
import dev.thrum.app.ScriptedPress;
import dev.thrum.app.SessionService;
import dev.thrum.fhir.AfterSessionSync;
import dev.thrum.store.ThrumDirs;
import dev.thrum.profile.ProfileLibrary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Puts a real daemon together: the {@link SessionService} prepares (journal recovery, profiles, clock,
 * the connected device); this adds the session host and the endpoints around it.
 */
public final class DaemonAssembly {
    private static final System.Logger LOG = System.getLogger(DaemonAssembly.class.getName());

    /**
     * @param simRecord simulator only: also append every frame the simulated massager receives to this file; null for none
     * @param heartbeat quiet time after which an event stream gets a comment line
     * @param linkGrace how long the device may stay unreachable before the daemon closes
     * @param pressureScript simulator only: the scripted person presses as this script says (null: a steady press)
     */
    public record Options(DaemonSettings settings, ThrumDirs dirs, DaemonFiles files, Path simRecord,
                          Duration heartbeat, Duration linkGrace, ScriptedPress pressureScript) {

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
        SessionService service = new SessionService(o.dirs());
        logRecovery(service.recoverInterrupted());
        // the port and token first: they need no profiles (still loading) and no device
        Daemon.Reservation api = Daemon.reserve(o.settings().port(), o.files());
        try {
            return open(o, service, api);
        } finally {
            api.close(); // gives the port back unless the daemon started
        }
    }

    private static Daemon open(Options o, SessionService service, Daemon.Reservation api) throws IOException {
        ProfileLibrary profiles = service.profiles();
        profiles.errors().forEach(p -> LOG.log(System.Logger.Level.WARNING, "skipped a bad device profile: " + p));
        Clock clock = service.clock(o.settings().speedup());
        DeviceHub hub;
        try {
            hub = service.connect(profiles, o.settings().device(), clock);
        } catch (DeviceUnavailableException e) {
            String from = o.settings().deviceFrom();
            throw new IOException("cannot connect to " + DeviceText.of(o.settings().device()) + ": " + e.getMessage()
                    + (from == null ? "" : "; the device is set in " + from + ": fix it there, or give --device"), e);
        }
        try {
            if (o.simRecord() != null) hub.recordSimulatorTo(o.simRecord());
            if (o.pressureScript() != null) hub.pressSimulator(o.pressureScript());
            RunnerSessionHost host = new RunnerSessionHost(hub, service, clock, o.linkGrace());
            // "syncAfterSession" in fhir.json (docs/fhir.md): queued records go to the clinic's server after each session
            AfterSessionSync.forDaemon(o.dirs(), m -> LOG.log(System.Logger.Level.INFO, m), m -> LOG.log(System.Logger.Level.WARNING, m))
                    .ifPresent(sync -> host.addListener(e -> { if (e instanceof HostEvent.SessionEnded) sync.sessionEnded(); }));
            LibraryEndpoints library = new LibraryEndpoints(o.dirs());
            LogEndpoints logs = new LogEndpoints(service.usageLog(), service.clients());
            return api.start(new Daemon.Parts(o.settings(), o.files(), host, new ApiSessionPlanner(service, library),
                    List.of(library::register, new EditorEndpoints(library)::register, logs::register,
                            new HistoryEndpoints(logs, library)::register, new ClientWebEndpoints(o.dirs())::register,
                            DeviceEndpoints.forDaemon(host, o.settings().device(), hub.profile(), profiles, o.dirs().configFile(), o.linkGrace())::register),
                    o.heartbeat(), o.linkGrace()));
        } catch (IOException | RuntimeException e) {
            hub.close(); // stops the motor and closes the link
            throw e;
        }
    }

    private static void logRecovery(SessionService.Recovery r) {
        r.recovered().forEach(s -> LOG.log(System.Logger.Level.INFO, "recovered interrupted session " + s.id() + " into the log"));
        r.problems().forEach(p -> LOG.log(System.Logger.Level.WARNING, p));
        if (r.failure() != null) LOG.log(System.Logger.Level.WARNING, r.failure());
    }
}
