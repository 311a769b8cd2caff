package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic usage log: a busy clinic's sessions spread evenly over a period, each with
 * three to eight steps (some of them rests) on a realistic mix of regions. Deterministic per seed.
 */
final class LogGenerator {
    private static final String[][] REGIONS = {
            {"glute", "sided"}, {"hamstring", "sided"}, {"calf", "sided"}, {"quadriceps", "sided"},
            {"upper-back", "mid"}, {"lower-back", "mid"}, {"shoulder", "sided"}, {"forearm", "sided"},
            {"foot", "sided"}, {"it-band", "sided"}, {"trapezius", "sided"}, {"piriformis", "sided"}};
    private static final String[] PROGRAMS = {"sciatica", "runner-recovery", "desk-neck-shoulders", "calves-quick",
            "full-body", "lower-back-relief", "tennis-elbow", "plantar-fasciitis"};
    private static final Outcome[] OUTCOMES = {Outcome.COMPLETED, Outcome.COMPLETED, Outcome.COMPLETED, Outcome.COMPLETED,
            Outcome.COMPLETED, Outcome.COMPLETED, Outcome.STOPPED_BY_USER, Outcome.STOPPED_BY_LIMIT, Outcome.LINK_LOST,
            Outcome.INTERRUPTED};

    private LogGenerator() {}

    static void write(Path file, int sessions, Instant from, Duration span, long seed) throws IOException {
        Random rnd = new Random(seed);
        long gap = span.toMillis() / Math.max(1, sessions);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < sessions; i++) {
                Instant start = from.plusMillis(i * gap + (long) (rnd.nextDouble() * gap / 2));
                out.write(RecordJson.toLine(session(i, start, rnd)));
            }
        }
    }

    static SessionRecord session(int i, Instant start, Random rnd) {
        int n = 3 + rnd.nextInt(6);
        List<StepReport> steps = new ArrayList<>(n);
        double active = 0, paused = 0;
        for (int k = 0; k < n; k++) {
            if (k > 0 && rnd.nextInt(4) == 0) {
                double s = 10 + rnd.nextInt(3) * 5;
                steps.add(new StepReport(k, "rest", Side.NONE, true, s, s, 0, 0, 0, 0, false));
                paused += s;
                continue;
            }
            String[] region = REGIONS[rnd.nextInt(REGIONS.length)];
            Side side = region[1].equals("mid") ? Side.NONE : rnd.nextBoolean() ? Side.LEFT : Side.RIGHT;
            double planned = 30 + rnd.nextInt(10) * 15;
            double actual = Math.round(planned * (0.7 + 0.3 * rnd.nextDouble()) * 10) / 10.0;
            double peak = Math.round((0.3 + 0.6 * rnd.nextDouble()) * 1000) / 1000.0;
            steps.add(new StepReport(k, region[0], side, false, planned, actual, peak,
                    Math.round(peak * 0.8 * 1000) / 1000.0, rnd.nextInt(3), rnd.nextInt(2), rnd.nextInt(20) == 0));
            active += actual;
        }
        String client = "client-" + (rnd.nextInt(400) + 1);
        String program = PROGRAMS[rnd.nextInt(PROGRAMS.length)];
        return new SessionRecord(String.format("s%07d", i), client, program, program.replace('-', ' '),
                new DeviceInfo("theragun-gen4", "AA:BB:CC:00:" + String.format("%02X:%02X", i % 7, i % 3)),
                start, start.plusMillis((long) ((active + paused) * 1000)), active, paused,
                OUTCOMES[rnd.nextInt(OUTCOMES.length)], rnd.nextInt(30) == 0 ? 1 : 0, List.of(), steps);
    }
}
