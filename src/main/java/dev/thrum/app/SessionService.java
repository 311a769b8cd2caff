package dev.thrum.app;

import dev.thrum.store.ClientStore;
import dev.thrum.store.EarlyProfiles;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.JournalRecovery;
import dev.thrum.usage.OutcomeNote;
import dev.thrum.usage.PainScores;
import dev.thrum.usage.RecentSessions;
import dev.thrum.usage.SessionRecord;
import dev.thrum.usage.UsageLog;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.program.Client;
import dev.thrum.program.Planner;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.transport.TransportException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The use cases of a session, once for every edge: {@code thrum run}, the daemon's API and web app,
 * and whatever comes next. Preparing a session is always the same sequence (docs/architecture.md,
 * "The use-case layer"): recover what a crash left in the journal, read the regions, the program and
 * the client, plan (every cap applies), have the client's conditions confirmed, pick the clock,
 * connect the device, then start a {@link SessionRunner}, which is where the session is controlled.
 * The edges only translate: a question becomes a terminal prompt or an HTTP 409, an unknown name a
 * "did you mean" or a 404. Files are read fresh on every call, so an edit counts at once.
 */
public final class SessionService {

    /** What a session request names: a program and, optionally, a client (id, name or start of either). */
    public record Request(String program, String client, ProgramRefs programRefs) {
        public Request {
            if (program == null) throw new IllegalArgumentException("a session request needs a program");
        }
    }

    /** Whether a request's program may be a file path (the local command line) or only a library id (the API). */
    public enum ProgramRefs { ID_OR_FILE, ID_ONLY }

    /** What a preparation asks of the person; each edge answers in its own way. */
    public interface Dialogue {
        /** Something the person should know that does not stop the session (a skipped bad file). */
        void warn(String message);

        /**
         * Before a client's first session with conditions that need it: true to go ahead (the store
         * then remembers the confirmation). An edge may also throw to refuse in its own words.
         */
        boolean confirmConditions(Client client, List<String> confirmations);
    }

    /** A planned session and the client store its runner remembers "softer" in. */
    public record Prepared(SessionPlan plan, ClientStore clients) {}

    /** What the journal recovery did; {@code failure} is null unless the journal could not be read at all. */
    public record Recovery(List<SessionRecord> recovered, List<String> problems, String failure) {}

    /** The planner refused the program (it names a blocked region, say); the message says why. */
    public static final class CannotPlan extends IllegalArgumentException {
        CannotPlan(IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A name in a request that is not there; {@code known} lists what is, for a "did you mean". */
    public static final class UnknownName extends NoSuchElementException {
        private final transient List<String> known;

        UnknownName(String message, List<String> known) {
            super(message);
            this.known = List.copyOf(known);
        }

        public List<String> known() { return known; }
    }

    private final ThrumDirs dirs;
    private final Path workingDirectory;
    private final UsageLog log;

    /** On these directories; device profiles also come from {@code device-profiles/} in the working directory. */
    public SessionService(ThrumDirs dirs) {
        this(dirs, Path.of("").toAbsolutePath());
    }

    public SessionService(ThrumDirs dirs, Path workingDirectory) {
        this.dirs = dirs;
        this.workingDirectory = workingDirectory;
        this.log = UsageLog.in(dirs.data());
    }

    public ThrumDirs dirs() { return dirs; }

    public UsageLog usageLog() { return log; }

    // ---- prepare

    /**
     * Sessions a crash or power cut left behind go into the log as interrupted, before anything new
     * starts. Never throws: a journal that cannot be read is reported and the new session still runs.
     */
    public Recovery recoverInterrupted() {
        try {
            JournalRecovery.Result r = log.recover();
            return new Recovery(List.copyOf(r.recovered()), List.copyOf(r.problems()), null);
        } catch (IOException | RuntimeException e) {
            return new Recovery(List.of(), List.of(),
                    "could not check for interrupted sessions in " + log.dataDir() + ": " + e.getMessage());
        }
    }

    /**
     * The region catalogue with the user's override.
     *
     * @throws dev.thrum.program.ValidationException when the override file is invalid
     */
    public RegionCatalogue regions() {
        return RegionCatalogueLoader.load(dirs.config());
    }

    /** The built-in programs and the user's files; bad files are listed in its problems, not thrown. */
    public ProgramLibrary programs(RegionCatalogue regions) {
        return ProgramLibraryLoader.load(regions, dirs.programs());
    }

    /** The client store, reading the regions (for checking limits) when first needed. */
    public ClientStore clients() {
        return new ClientStore(dirs.clients());
    }

    /** The client store, checking limits against the regions of this catalogue. */
    public ClientStore clients(RegionCatalogue regions) {
        return new ClientStore(dirs.clients(), regions);
    }

    /**
     * Finds the program and the client of {@code request}, plans the session and has the client's
     * conditions confirmed when this is their first session.
     *
     * @return empty when the person did not confirm
     * @throws UnknownName for an unknown program (its message is the library's); the client store's
     *                     {@link NoSuchElementException} for an unknown client
     * @throws dev.thrum.program.ValidationException for an invalid client file (or program file, by path)
     * @throws CannotPlan when the program cannot run (a blocked region)
     */
    public Optional<Prepared> prepare(RegionCatalogue regions, Request request, Dialogue dialogue) {
        Program program = findProgram(regions, request, dialogue::warn);
        ClientStore clients = clients(regions);
        Client client = request.client() == null ? null : clients.get(request.client());
        Planner planner = new Planner(regions);
        SessionPlan plan = plan(planner, program, client);
        if (client != null && !plan.confirmations().isEmpty()) {
            if (!dialogue.confirmConditions(client, plan.confirmations())) return Optional.empty();
            // planned again with the confirmed client, so the plan no longer asks for confirmation
            plan = plan(planner, program, clients.confirmConditions(client.id()));
        }
        return Optional.of(new Prepared(plan, clients));
    }

    /**
     * The plan as it would run, for showing before the start: its confirmations list what is still
     * to confirm, and nothing is confirmed or saved.
     */
    public SessionPlan preview(RegionCatalogue regions, Request request) {
        Program program = findProgram(regions, request, message -> { });
        Client client = request.client() == null ? null : clients(regions).get(request.client());
        return plan(new Planner(regions), program, client);
    }

    private static SessionPlan plan(Planner planner, Program program, Client client) {
        try {
            return planner.plan(program, client);
        } catch (IllegalArgumentException e) {
            throw new CannotPlan(e);
        }
    }

    private Program findProgram(RegionCatalogue regions, Request request, Consumer<String> warn) {
        ProgramLibrary library = programs(regions);
        library.problems().forEach(p -> warn.accept("skipped a bad program file: " + p.getMessage()));
        List<String> ids = library.entries().stream().map(e -> e.program().id()).toList();
        if (request.programRefs() == ProgramRefs.ID_ONLY)
            return library.find(request.program()).orElseThrow(() -> new UnknownName("no program '" + request.program() + "'", ids));
        try {
            return ProgramLibraryLoader.resolve(library, regions, request.program());
        } catch (UnknownName e) {
            throw e;
        } catch (NoSuchElementException e) {
            throw new UnknownName(e.getMessage(), ids);
        }
    }

    /** Real time, or time {@code speedup} times faster (simulators and test rigs). */
    public Clock clock(double speedup) {
        return speedup > 1 ? new ScaledClock(Clock.systemUTC(), speedup) : Clock.systemUTC();
    }

    /** The device profiles: built in, the user's, and {@code device-profiles/} here; bad files are in its errors. */
    public ProfileLibrary profiles() {
        return EarlyProfiles.load(workingDirectory, dirs);
    }

    /**
     * Connects the device and starts its status polling; the link is up when this returns.
     *
     * @param clock the session clock; the simulated massager's motor runs on it too
     */
    public DeviceHub connect(ProfileLibrary profiles, DeviceSpec device, Clock clock) throws DeviceUnavailableException {
        try {
            return new DeviceConnector(profiles).open(device, clock);
        } catch (TransportException e) {
            throw new DeviceUnavailableException(e.getMessage(), e);
        }
    }

    // ---- start and control

    /**
     * A session ready to start on a connected device; control it through the runner (pause, resume,
     * skip, softer, harder, stop, emergency stop), which also journals and logs it.
     *
     * @param linkGrace how long the link may stay lost before the session ends as link lost
     */
    public SessionRunner runner(DeviceHub device, Prepared prepared, Clock clock, Duration linkGrace, PainScores pain) {
        return runner(device, prepared.plan(), prepared.clients(), clock, linkGrace, pain);
    }

    /** As above, for a plan made elsewhere (the API's intensity wish changes a prepared plan). */
    public SessionRunner runner(DeviceHub device, SessionPlan plan, ClientStore clients, Clock clock, Duration linkGrace,
                                PainScores pain) {
        SessionRunner runner = new SessionRunner(device, plan, log, clients, clock, linkGrace);
        runner.setPain(pain);
        return runner;
    }

    /**
     * Adds pain scores or a note to one of the recent logged sessions.
     *
     * @throws NoSuchElementException when the session is not among the last {@link RecentSessions#WINDOW}
     * @throws IOException when the usage log cannot be written (nothing was saved)
     */
    public void recordOutcome(String sessionId, PainScores pain, Instant at) throws IOException {
        if (!RecentSessions.contains(log, sessionId))
            throw new NoSuchElementException("no recent session '" + sessionId + "' in the usage log");
        log.appendOutcome(new OutcomeNote(sessionId, at, pain));
    }
}
