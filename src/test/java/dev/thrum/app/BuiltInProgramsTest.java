package dev.thrum.app;

import dev.thrum.engine.EngineEvent;
import dev.thrum.engine.EngineSettings;
import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionEngine;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.profile.DeviceProfile;
import dev.thrum.program.Planner;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.protocol.ShippedProfiles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Thrum's own programs never trip Thrum's own limits: every built-in program, planned with the
 * shipped region catalogue, run to its end on every shipped profile's range and pacing with the
 * settings Thrum ships (countdowns included), on a clock that jumps ahead (a speed-up without the
 * wait) completes without a single warning, so no record carries one.
 */
class BuiltInProgramsTest {

    /** A clock the test moves; the engine reads only this. */
    static final class SteppedClock extends Clock {
        long ms = 1_700_000_000_000L;
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return Instant.ofEpochMilli(ms); }
    }

    @Test
    void everyBuiltInProgramCompletesOnEveryShippedProfileWithoutAWarning() {
        RegionCatalogue catalogue = RegionCatalogueLoader.builtIn();
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, Path.of("no-user-programs"));
        List<String> problems = new ArrayList<>();
        int runs = 0;
        for (var entry : library.entries()) {
            SessionPlan plan = new Planner(catalogue).plan(entry.program(), null);
            for (DeviceProfile profile : ShippedProfiles.all()) {
                SteppedClock clock = new SteppedClock();
                SessionEngine engine = new SessionEngine(plan, profile.output(), profile.pacing().minGapMs(), clock,
                        EngineSettings.shipped());
                engine.start();
                long limit = plan.plannedDuration().toMillis() + 10 * 60_000;
                long end = clock.ms + limit;
                while (!engine.finished() && clock.ms < end) {
                    clock.ms += 250;
                    engine.tick();
                }
                runs++;
                String where = entry.program().id() + " on " + profile.id();
                if (engine.outcome() != Outcome.COMPLETED) problems.add(where + ": ended " + engine.outcome());
                for (EngineEvent e : engine.drainEvents())
                    if (e instanceof EngineEvent.Warning w) problems.add(where + ": " + w.message());
                if (!engine.report().warnings().isEmpty()) problems.add(where + ": record warnings " + engine.report().warnings());
            }
        }
        assertTrue(runs >= 4 * 5, "every program on every profile: " + runs + " runs");
        assertEquals(List.of(), problems);
    }
}
