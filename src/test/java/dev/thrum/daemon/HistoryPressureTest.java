package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import dev.thrum.app.DeviceSpec;
import dev.thrum.usage.PressureReview;
import dev.thrum.usage.PressureReviewText;
import dev.thrum.usage.UsageLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /log/history}'s pressure figures over HTTP from the real daemon on a log of sessions
 * with force readings: per region (by name) and per week (every week of the other charts), the same
 * seconds and shares as {@code thrum log pressure} prints for that log.
 */
class HistoryPressureTest {
    /** A week's line of {@code thrum log pressure}: week, seconds measured, shares too soft / in band / too hard, episodes. */
    static final Pattern WEEK_LINE = Pattern.compile("(?m)^  (?<week>\\d{4}-\\d\\d-\\d\\d) +(?<measured>\\d+) s +(?<soft>\\d+) % +"
            + "(?<in>\\d+) % +(?<hard>\\d+) % +(?<episodes>\\d+)$");

    @TempDir Path home;
    Daemon daemon;
    DaemonClient client;

    @BeforeEach
    void start() throws Exception {
        PressureLog.write(UsageLog.in(TestDaemons.dirs(home).data()).file(), 60, "Ann Smith");
        DaemonSettings settings = new DaemonSettings(new DeviceSpec.Sim(null), 0, 1);
        daemon = TestDaemons.assembled(home, settings);
        client = new DaemonClient(daemon.port(), daemon.token());
    }

    @AfterEach
    void stop() { daemon.close(); }

    @Test
    void the_pressure_figures_per_region_and_week_are_the_ones_thrum_log_pressure_prints() throws Exception {
        JsonNode history = client.get("/log/history").body();
        JsonNode pressure = history.path("pressure");
        PressureReview review = new PressureReview(ZoneId.systemDefault());
        UsageLog.in(TestDaemons.dirs(home).data()).reader().read(review, w -> { });
        StringWriter text = new StringWriter();
        PressureReviewText.write(review, new PrintWriter(text, true));
        String cli = text.toString();

        // per region: names, not ids; the in-band share the CLI prints for the region's id
        Map<String, String> idOf = new HashMap<>();
        for (String[] g : PressureLog.REGIONS) idOf.put(g[1], g[0]);
        assertEquals(PressureLog.REGIONS.length, pressure.path("regions").size(), pressure.toString());
        for (JsonNode r : pressure.path("regions")) {
            String id = idOf.get(r.path("region").asText());
            assertTrue(id != null, "a region name, not an id: " + r);
            PressureReview.Tally t = review.byRegion().get(id);
            assertEquals(t.below(), r.path("below").asDouble(), 1e-9);
            assertEquals(t.in(), r.path("in").asDouble(), 1e-9);
            assertEquals(t.above(), r.path("above").asDouble(), 1e-9);
            assertEquals(t.episodes(), r.path("episodes").asInt());
            Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(id) + " .* (\\d+) % +\\d+$").matcher(cli);
            assertTrue(m.find(), id + " in " + cli);
            assertEquals(Long.parseLong(m.group(1)), Math.round(r.path("in").asDouble() / r.path("measured").asDouble() * 100), r.toString());
        }

        // per week: the weeks of the sessions chart, the empty third one included and measured as nothing
        JsonNode weeks = pressure.path("weeks");
        assertEquals(history.path("weeks").size(), weeks.size());
        assertEquals(6, weeks.size(), weeks.toString());
        assertEquals("2026-09-21", weeks.path(2).path("week").asText());
        assertEquals(0, weeks.path(2).path("measured").asDouble(), "a week without sessions is not 'in band'");
        for (JsonNode w : weeks) {
            if (w.path("measured").asDouble() == 0) continue;
            Matcher m = WEEK_LINE.matcher(cli);
            boolean found = false;
            while (!found && m.find()) found = m.group("week").equals(w.path("week").asText());
            assertTrue(found, w + " in " + cli);
            double measured = w.path("measured").asDouble();
            assertEquals(Long.parseLong(m.group("in")), Math.round(w.path("in").asDouble() / measured * 100));
            assertEquals(Long.parseLong(m.group("measured")), Math.round(measured));
            assertEquals(Long.parseLong(m.group("soft")), Math.round(w.path("below").asDouble() / measured * 100));
            assertEquals(Long.parseLong(m.group("hard")), Math.round(w.path("above").asDouble() / measured * 100));
        }
    }

    @Test
    void each_logged_step_carries_its_band_and_its_seconds_below_in_and_above() throws Exception {
        JsonNode steps = client.get("/log/history").body().path("sessions").path(0).path("steps");
        JsonNode treat = steps.path(0);
        assertFalse(treat.path("pressure").path("band").asText().isEmpty(), steps.toString());
        assertTrue(steps.path(1).path("rest").asBoolean());
        assertTrue(steps.path(1).path("pressure").isMissingNode(), "a rest has no pressure: " + steps.path(1));
    }

    @Test
    void a_log_without_force_readings_has_no_pressure_regions() throws Exception {
        JsonNode pressure = client.get("/log/history?client=nobody").body().path("pressure");
        assertEquals(0, pressure.path("regions").size(), pressure.toString());
    }
}
