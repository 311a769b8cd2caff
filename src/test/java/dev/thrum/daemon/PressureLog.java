package dev.thrum.daemon;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.usage.DeviceInfo;
import dev.thrum.usage.RecordJson;
import dev.thrum.usage.SessionRecord;
import dev.thrum.program.Side;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A usage log of sessions whose device reported force, for the pressure charts' tests: real region
 * ids with and without a pressure limit, seconds below / in / above the band that drift over the
 * weeks (the person learns), a step now and then with no reading at all, a rest, and a week with no
 * session, so the charts meet what a real log holds and not only tidy figures.
 */
final class PressureLog {
    static final String[][] REGIONS = {{"gluteus-maximus", "Gluteus maximus (buttock)", "medium"},
            {"lower-back", "Lower back beside the spine (erector spinae)", "light"},
            {"piriformis", "Piriformis (deep in the buttock)", "medium"}, {"calves", "Calves", "firm"}};
    static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 9, 7);

    private PressureLog() {}

    /** {@code count} sessions over six weeks from {@link #FIRST_MONDAY}, none in the third week, for {@code client}. */
    static void write(Path file, int count, String client) throws IOException {
        Files.createDirectories(file.getParent());
        Random rnd = new Random(16);
        Instant from = FIRST_MONDAY.atStartOfDay(ZoneId.systemDefault()).toInstant().plus(Duration.ofHours(9));
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < count; i++) {
                int day = i * 42 / count;
                if (day / 7 == 2) day += 7; // the third week stays empty
                Instant start = from.plus(Duration.ofDays(day)).plusSeconds(i % 5 * 3600L);
                List<StepReport> steps = new ArrayList<>();
                double active = 0;
                for (int k = 0; k < 3; k++) {
                    String[] g = REGIONS[rnd.nextInt(REGIONS.length)];
                    double actual = 60 + rnd.nextInt(3) * 15;
                    // later weeks: more of the time in the band
                    double learnt = day / 42.0;
                    double below = Math.round(actual * (0.35 - 0.2 * learnt) * rnd.nextDouble());
                    double above = Math.round(actual * (0.3 - 0.2 * learnt) * rnd.nextDouble());
                    double unknown = rnd.nextInt(4);
                    double in = Math.max(0, actual - below - above - unknown);
                    PressureStats stats = rnd.nextInt(12) == 0 ? null
                            : new PressureStats(30.0 + rnd.nextInt(20), 80.0, below, in, above, unknown, above > 15 ? 1 : 0);
                    steps.add(new StepReport(2 * k, g[0], k % 2 == 0 ? Side.LEFT : Side.RIGHT, false, 90, actual, 0.5, 0.4,
                            0, 0, false, new StepReport.StepPressure(g[2], stats)));
                    steps.add(new StepReport(2 * k + 1, "rest", Side.NONE, true, 15, 15, 0, 0, 0, 0, false, null));
                    active += actual;
                }
                SessionRecord r = new SessionRecord(String.format("p%05d", i), client, "sciatica-relief", "Sciatica relief",
                        new DeviceInfo("sim", "sim"), start, start.plusSeconds((long) active + 45), active, 0, Outcome.COMPLETED, 0,
                        List.of(), steps);
                out.write(RecordJson.toLine(r));
            }
        }
    }
}
