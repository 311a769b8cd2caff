package dev.thrum.profile;

import dev.thrum.pressure.ForceRange;
import dev.thrum.pressure.ForceScale;
import dev.thrum.pressure.PressureBand;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** A profile's "pressure" section: unit, useful range, bands, and the messages for mistakes. */
class PressureSectionTest {

    private static final String BASE = """
            {
              "id": "test-gun", "name": "Test gun",
              "source": {"confidence": "inferred", "reference": "test"},
              "serial": {"baud": 115200},
              "output": {"unit": "percent", "stop": 0, "min": 1, "max": 100},
              "pacing": {"minGapMs": 20},
              "commands": {"setSpeed": "A5 {speed:u8}", "stop": "A5 00"},
              "status": [{"frame": "5A .. .. ..", "fields": {"speed": {"at": 1, "type": "u8"}, "force": {"at": 2, "type": "u16be"}}}]
              PRESSURE
            }
            """;

    private static ProfileParseResult parse(String pressure) {
        return new ProfileParser(Set.of()).parse("gun.json", BASE.replace("PRESSURE", pressure));
    }

    @Test
    void defaultBandsAreSharesOfTheStallForceInNewtons() {
        DeviceProfile p = assertInstanceOf(ProfileParseResult.Parsed.class, parse(", \"pressure\": {\"unit\": \"lbf\", \"stall\": 60}")).profile();
        ForceScale f = p.force();
        assertEquals(60 * ForceScale.NEWTONS_PER_LBF, f.stallNewtons(), 1e-9);
        assertEquals(3 * ForceScale.NEWTONS_PER_LBF, f.band(PressureBand.LIGHT).low(), 1e-9);
        assertEquals(15 * ForceScale.NEWTONS_PER_LBF, f.band(PressureBand.LIGHT).high(), 1e-9);
        assertEquals(30 * ForceScale.NEWTONS_PER_LBF, f.band(PressureBand.MEDIUM).high(), 1e-9);
        assertEquals(45 * ForceScale.NEWTONS_PER_LBF, f.band(PressureBand.FIRM).high(), 1e-9);
        assertEquals(10 * ForceScale.NEWTONS_PER_LBF, f.toNewtons(10), 1e-9);
        assertEquals("10 lbf", f.show(10 * ForceScale.NEWTONS_PER_LBF));
    }

    @Test
    void namedBandsReplaceTheDefaults() {
        DeviceProfile p = assertInstanceOf(ProfileParseResult.Parsed.class,
                parse(", \"pressure\": {\"unit\": \"N\", \"stall\": 200, \"bands\": {\"light\": [5, 40]}}")).profile();
        assertEquals(new ForceRange(5, 40), p.force().band(PressureBand.LIGHT));
        assertEquals(new ForceRange(50, 100), p.force().band(PressureBand.MEDIUM));
    }

    @Test
    void aProfileWithoutTheSectionHasNoForceScale() {
        DeviceProfile p = assertInstanceOf(ProfileParseResult.Parsed.class, parse("")).profile();
        assertNull(p.force());
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        assertProblem(", \"pressure\": {\"unit\": \"kg\", \"stall\": 60}", "$.pressure.unit", "unknown force unit 'kg'; use N or lbf");
        assertProblem(", \"pressure\": {\"unit\": \"N\"}", "$.pressure", "missing \"stall\"");
        assertProblem(", \"pressure\": {\"unit\": \"N\", \"stall\": -3}", "$.pressure.stall", "must be a number above 0");
        assertProblem(", \"pressure\": {\"unit\": \"N\", \"stall\": 100, \"bands\": {\"light\": [30, 10]}}",
                "$.pressure.bands.light", "must have 0 <= low < high");
        assertProblem(", \"pressure\": {\"unit\": \"N\", \"stall\": 100, \"bands\": {\"firm\": [1, 2]}}",
                "$.pressure.bands", "light below medium below firm");
        assertProblem(", \"pressure\": {\"unit\": \"N\", \"stall\": 100, \"bands\": {\"fimr\": [1, 2]}}",
                "$.pressure.bands.fimr", "did you mean 'firm'");
    }

    @Test
    void aPressureSectionNeedsAForceField() {
        String json = BASE.replace(", \"force\": {\"at\": 2, \"type\": \"u16be\"}", "")
                .replace("PRESSURE", ", \"pressure\": {\"unit\": \"N\", \"stall\": 100}");
        ProfileParseResult r = new ProfileParser(Set.of()).parse("gun.json", json);
        ProfileParseResult.Invalid rejected = assertInstanceOf(ProfileParseResult.Invalid.class, r);
        assertTrue(rejected.problems().stream().anyMatch(p -> p.message().contains("no status frame has one")), rejected.problems().toString());
    }

    private static void assertProblem(String pressure, String path, String says) {
        ProfileParseResult r = parse(pressure);
        ProfileParseResult.Invalid rejected = assertInstanceOf(ProfileParseResult.Invalid.class, r, "accepted " + pressure);
        assertTrue(rejected.problems().stream().anyMatch(p -> p.path().equals(path) && p.message().contains(says)
                        && p.file().equals("gun.json") && p.line() > 0),
                "expected at " + path + ": " + says + "; got " + rejected.problems());
    }
}
