package dev.thrum.app;

import dev.thrum.testkit.Await;
import dev.thrum.engine.Control;
import dev.thrum.engine.Outcome;
import dev.thrum.store.ClientStore;
import dev.thrum.program.Client;
import dev.thrum.engine.SessionReport;
import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.usage.UsageLog;
import dev.thrum.profile.OutputRange;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.Planner;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.DeviceCommand;
import dev.thrum.transport.sim.SimTransport;
import dev.thrum.transport.sim.SimulatedMassager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** The runner end to end on the in-process simulated massager, with the real codec and a real log on disk. */
class SessionRunnerTest {

    private static final RegionCatalogue CATALOGUE = RegionCatalogueLoader.builtIn();
    private static final ProfileLibrary PROFILES = new ProfileLibraryLoader().load(List.of());

    @TempDir
    Path data;

    private DeviceHub hub;

    @AfterEach
    void closeDevice() {
        if (hub != null) hub.close();
    }

    private SessionPlan plan(String programId) {
        var library = ProgramLibraryLoader.load(CATALOGUE, data.resolve("no-user-programs"));
        return new Planner(CATALOGUE).plan(library.find(programId).orElseThrow());
    }

    private SessionRunner runner(String profileId, String programId, double speedup) throws Exception {
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), speedup);
        hub = new DeviceConnector(PROFILES).open(new DeviceSpec.Sim(profileId), clock);
        return new SessionRunner(hub, plan(programId), UsageLog.in(data), null, clock);
    }

    private SimulatedMassager massager() {
        return ((SimTransport) hub.transport()).massager();
    }

    /** kill -9 loses at most the real flush interval of progress, whatever --speedup says (was 2 x N real seconds). */
    @Test
    void aSpedUpSessionSavesItsJournalOnRealTime() throws Exception {
        SessionRunner runner = runner("theragun-gen4", "sciatica-relief", 10);
        runner.start();
        try {
            // 10 session seconds = 1 real second at 10x
            Await.value(this::savedActiveSeconds, saved -> saved >= 10, Duration.ofSeconds(5),
                    "10 s active in the journal within 5 real seconds at 10x; it must be saved every "
                            + UsageLog.DEFAULT_FLUSH_EVERY.toSeconds() + " real seconds");
        } finally {
            runner.emergencyStop().get(5, java.util.concurrent.TimeUnit.SECONDS);
            runner.awaitEnd(Duration.ofSeconds(10));
        }
    }

    private double savedActiveSeconds() throws Exception {
        Path dir = data.resolve(UsageLog.JOURNAL_DIR);
        if (!Files.isDirectory(dir)) return 0;
        double best = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String text;
                try {
                    text = Files.readString(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                var m = java.util.regex.Pattern.compile("\"activeSeconds\":([0-9.]+)").matcher(text);
                if (m.find()) best = Math.max(best, Double.parseDouble(m.group(1)));
            }
        }
        return best;
    }

    @Test
    void sciaticaReliefCompletesWithARampPerStepAndAFinalStop() throws Exception {
        SessionRunner runner = runner("theragun-gen4", "sciatica-relief", 100);
        runner.start();
        SessionReport report = runner.awaitEnd(Duration.ofSeconds(60));
        assertNotNull(report, "the 18-minute program should end within 60 s at 100x");
        assertEquals(Outcome.COMPLETED, report.outcome());

        List<DeviceCommand> received = massager().receivedCommands();
        OutputRange range = hub.profile().output();
        assertInstanceOf(DeviceCommand.Stop.class, received.get(received.size() - 1), "the last command is stop");
        long activeSteps = runner.plan().steps().stream().filter(s -> !s.rest()).count();
        assertTrue(rampsFromLowest(received, range) >= activeSteps,
                "every active step ramps up from the lowest running value: " + received);
        double highestCap = runner.plan().steps().stream().mapToDouble(PlannedStep::cap).max().orElseThrow();
        for (DeviceCommand c : received) {
            if (c instanceof DeviceCommand.SetSpeed s)
                assertTrue(s.value() <= range.valueFor(highestCap), "above every cap: " + s);
        }
        String log = Files.readString(UsageLog.in(data).file());
        assertTrue(log.contains("\"programId\":\"sciatica-relief\"") && log.contains("\"outcome\":\"completed\""), log);
    }

    @Test
    void emergencyStopIsWrittenAndEndsTheSessionAsStoppedByTheUser() throws Exception {
        SessionRunner runner = runner("thrum-open-serial", "general-warm-up", 10);
        runner.start();
        waitFor(() -> massager().commandedSpeed() > hub.profile().output().lowestRunning(), "the ramp to start");
        runner.emergencyStop().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(2), java.util.concurrent.TimeUnit.MILLISECONDS);
        // The future completes once the frame is handed to the link; the simulator reads it on its own thread.
        waitFor(() -> massager().commandedSpeed() == hub.profile().output().stopValue(), "the simulator to see stop");
        SessionReport report = runner.awaitEnd(Duration.ofSeconds(5));
        assertEquals(Outcome.STOPPED_BY_USER, report.outcome());
        List<DeviceCommand> received = massager().receivedCommands();
        assertInstanceOf(DeviceCommand.Stop.class, received.get(received.size() - 1));
    }

    @Test
    void afterTheLinkComesBackTheFirstSpeedIsTheLowest() throws Exception {
        SessionRunner runner = runner("theragun-gen4", "general-warm-up", 5);
        OutputRange range = hub.profile().output();
        runner.start();
        waitFor(() -> massager().commandedSpeed() > range.lowestRunning() + 20, "a ramp under way");
        massager().dropLink();
        waitFor(() -> runner.view() != null && runner.view().linkDown(), "the runner to see the link drop");
        int before = massager().receivedCommands().size();
        massager().restoreLink();
        waitFor(() -> firstSpeedAfter(before) != null, "a speed after the link came back");
        assertEquals(range.lowestRunning(), firstSpeedAfter(before).value(), "re-ramp from low after reconnect");
        runner.emergencyStop();
        assertNotNull(runner.awaitEnd(Duration.ofSeconds(5)));
        assertTrue(runner.awaitEnd(Duration.ZERO).interruptions() >= 1, "a link loss counts as an interruption");
    }

    @Test
    void softerIsRememberedForThatRegionAndClient() throws Exception {
        ClientStore clients = new ClientStore(data.resolve("clients"));
        clients.save(Client.named("Ann Smith"));
        var library = ProgramLibraryLoader.load(CATALOGUE, data.resolve("no-user-programs"));
        SessionPlan plan = new Planner(CATALOGUE).plan(library.find("general-warm-up").orElseThrow(),
                clients.get("Ann Smith"));
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), 5);
        hub = new DeviceConnector(PROFILES).open(new DeviceSpec.Sim("theragun-gen4"), clock);
        SessionRunner runner = new SessionRunner(hub, plan, UsageLog.in(data), clients, clock);
        runner.start();
        waitFor(() -> runner.view() != null && !runner.view().rest() && runner.view().commandedValue() != null,
                "the first step to run");
        String region = runner.view().regionId();
        double before = runner.view().targetIntensity();
        runner.control(Control.SOFTER);
        waitFor(() -> clients.get("Ann Smith").softer().containsKey(region), "softer to be stored");
        runner.emergencyStop();
        runner.awaitEnd(Duration.ofSeconds(5));
        double remembered = clients.get("Ann Smith").softer().get(region);
        assertTrue(remembered < before, "remembered " + remembered + ", target was " + before);
        SessionPlan next = new Planner(CATALOGUE).plan(library.find("general-warm-up").orElseThrow(),
                clients.get("Ann Smith"));
        assertTrue(next.steps().stream().filter(st -> region.equals(st.regionId()))
                .allMatch(st -> st.target() <= remembered + 1e-9), "the next plan starts at the softer target");
    }

    private DeviceCommand.SetSpeed firstSpeedAfter(int index) {
        List<DeviceCommand> all = massager().receivedCommands();
        for (int i = index; i < all.size(); i++)
            if (all.get(i) instanceof DeviceCommand.SetSpeed s && s.value() != hub.profile().output().stopValue())
                return s;
        return null;
    }

    /** How often the device saw the lowest running value followed by a higher one: one per ramp. */
    /** The in-process simulator transport too: a mute device gets only stops until the ramp from low. */
    @Test
    void aMuteSimulatedDeviceGetsStopsUntilTheRampStartsAgainFromLow() throws Exception {
        SessionRunner runner = runner("thrum-open-serial", "general-warm-up", 1);
        List<String> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
        runner.addListener(e -> { if (e instanceof RunnerEvent.Problem p) problems.add(p.message()); });
        runner.start();
        int lowest = hub.profile().output().lowestRunning();
        try {
            waitFor(() -> massager().commandedSpeed() > lowest, "a ramp above the lowest value");
            massager().stopAnswering();
            waitFor(() -> !hub.linkUp(), "the link loss (3 s of silence)");
            int lostAt = massager().receivedCommands().size();
            waitFor(() -> commandsSince(lostAt).stream()
                    .filter(DeviceCommand.Stop.class::isInstance).count() >= 10, "ten stops into the silence");
            assertEquals(0, massager().commandedSpeed(), "the mute motor obeyed the stops");
            massager().resumeAnswering();
            waitFor(() -> commandsSince(lostAt).stream()
                    .anyMatch(DeviceCommand.SetSpeed.class::isInstance), "the re-ramp");
            List<DeviceCommand> since = commandsSince(lostAt);
            int reRamp = 0;
            while (!(since.get(reRamp) instanceof DeviceCommand.SetSpeed)) {
                assertTrue(since.get(reRamp) instanceof DeviceCommand.Stop || since.get(reRamp) instanceof DeviceCommand.StatusRequest
                        || since.get(reRamp) instanceof DeviceCommand.Keepalive || since.get(reRamp) instanceof DeviceCommand.Hello
                        || since.get(reRamp) instanceof DeviceCommand.VersionRequest, "only stops while the link was lost: " + since);
                reRamp++;
            }
            assertEquals(new DeviceCommand.SetSpeed(lowest), since.get(reRamp), "the ramp starts again from the lowest value");
            assertTrue(problems.stream().anyMatch(p -> p.contains("keeps sending stop")), problems.toString());
        } finally {
            runner.emergencyStop().get(5, java.util.concurrent.TimeUnit.SECONDS);
            runner.awaitEnd(Duration.ofSeconds(10));
        }
    }

    static long rampsFromLowest(List<DeviceCommand> all, OutputRange range) {
        // Status requests interleave with speeds; only motor commands make a ramp.
        List<DeviceCommand> commands = all.stream()
                .filter(c -> c instanceof DeviceCommand.SetSpeed || c instanceof DeviceCommand.Stop).toList();
        long ramps = 0;
        for (int i = 0; i + 1 < commands.size(); i++) {
            if (commands.get(i) instanceof DeviceCommand.SetSpeed a && a.value() == range.lowestRunning()
                    && commands.get(i + 1) instanceof DeviceCommand.SetSpeed b && b.value() > a.value()) ramps++;
        }
        return ramps;
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        Await.until(condition::getAsBoolean, Duration.ofSeconds(10), what);
    }

    /** One snapshot of what the simulator received from index {@code from}: frames keep arriving, so two reads disagree. */
    private List<DeviceCommand> commandsSince(int from) {
        List<DeviceCommand> all = massager().receivedCommands();
        return all.subList(from, all.size());
    }
}
