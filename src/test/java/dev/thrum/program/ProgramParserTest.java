package dev.thrum.program;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramParserTest {

    private final ProgramParser parser = new ProgramParser(ShippedCatalogue.SHIPPED);

    /** Wraps steps (one per line, starting on line 3) in a minimal program. */
    private static String program(String... steps) {
        return "{\"id\": \"t\", \"name\": \"T\",\n\"steps\": [\n" + String.join(",\n", steps) + "\n]}";
    }

    private Problem onlyProblem(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> parser.parse("my.json", text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void readsAllStepKindsAndDefaults() {
        Program p = parser.parse("my.json", """
                {"id": "demo", "name": "Demo", "author": "Kim", "description": "d",
                 "steps": [
                  {"region": "piriformis", "side": "left", "duration": "1m30s", "target": 0.3, "rampUp": 20, "curve": "s-curve", "cue": "c"},
                  {"rest": "15s"},
                  {"repeat": 2, "steps": [{"region": "upper-back", "duration": 60, "target": 0.4}, {"rest": 10, "cue": "breathe"}]},
                  {"region": "calves", "duration": "2m", "target": 0.5}
                 ]}
                """);
        assertEquals("demo", p.id());
        assertEquals("Kim", p.author());
        ProgramItem.Treat first = assertInstanceOf(ProgramItem.Treat.class, p.steps().get(0));
        assertEquals(SideChoice.LEFT, first.side());
        assertEquals(Duration.ofSeconds(90), first.duration());
        assertEquals(Duration.ofSeconds(20), first.rampUp());
        assertEquals(RampCurve.S_CURVE, first.curve());
        assertEquals(Duration.ofSeconds(15), assertInstanceOf(ProgramItem.Rest.class, p.steps().get(1)).duration());
        ProgramItem.Repeat repeat = assertInstanceOf(ProgramItem.Repeat.class, p.steps().get(2));
        assertEquals(2, repeat.times());
        ProgramItem.Treat back = assertInstanceOf(ProgramItem.Treat.class, repeat.steps().get(0));
        assertEquals(SideChoice.NONE, back.side(), "upper-back has no sides");
        assertEquals(RampCurve.LINEAR, back.curve(), "linear is the default curve");
        assertEquals(Duration.ofSeconds(10), back.rampUp(), "default ramp is 10 s");
        assertEquals(ShippedCatalogue.SHIPPED.get("upper-back").cue(), back.cue(), "default cue comes from the region");
        ProgramItem.Treat calves = assertInstanceOf(ProgramItem.Treat.class, p.steps().get(3));
        assertEquals(SideChoice.BOTH, calves.side(), "a sided region without side means both");
        // 90 + 15 + 2 * (60 + 10) + 2 * 120
        assertEquals(Duration.ofSeconds(90 + 15 + 140 + 240), p.totalDuration());
    }

    @Test
    void shortStepGetsHalfItsLengthAsDefaultRamp() {
        Program p = parser.parse("my.json", program("{\"region\": \"calves\", \"duration\": 12, \"target\": 0.3}"));
        assertEquals(Duration.ofSeconds(6), ((ProgramItem.Treat) p.steps().get(0)).rampUp());
    }

    @Test
    void unknownRegionSuggestsClosestIdsAndNamesFileStepPathAndPlace() {
        Problem p = onlyProblem(program(
                "{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3}",
                "{\"region\": \"piriformus\", \"duration\": 30, \"target\": 0.3}"));
        assertEquals("my.json", p.source());
        assertEquals("step 2", p.step());
        assertEquals("$.steps[1].region", p.path());
        assertEquals(4, p.line());
        assertEquals(12, p.column(), "the value starts in column 12");
        assertTrue(p.message().contains("unknown region 'piriformus'"), p.message());
        assertTrue(p.message().contains("did you mean 'piriformis'"), p.message());
        assertTrue(p.toString().startsWith("my.json: step 2 ($.steps[1].region, line 4, column 12): "), p.toString());
    }

    @Test
    void blockedRegionIsRefused() {
        Problem p = onlyProblem(program("{\"region\": \"neck\", \"duration\": 30, \"target\": 0.1}"));
        assertEquals("step 1", p.step());
        assertEquals("$.steps[0].region", p.path());
        assertTrue(p.message().contains("blocked"), p.message());
    }

    @Test
    void intensityOutsideZeroToOneIsRefused() {
        for (String bad : List.of("1.2", "-0.1", "\"high\"")) {
            Problem p = onlyProblem(program("{\"region\": \"calves\", \"duration\": 30, \"target\": " + bad + "}"));
            assertEquals("$.steps[0].target", p.path());
            assertTrue(p.message().contains("from 0 to 1"), p.message());
        }
    }

    @Test
    void rampLongerThanStepIsRefused() {
        Problem p = onlyProblem(program("{\"region\": \"calves\", \"duration\": \"20s\", \"target\": 0.3, \"rampUp\": \"30s\"}"));
        assertEquals("$.steps[0].rampUp", p.path());
        assertTrue(p.message().contains("longer than the step"), p.message());
    }

    @Test
    void durationOverRegionLimitIsRefusedWithTheLimit() {
        Problem p = onlyProblem(program("{\"region\": \"hip-flexors\", \"duration\": \"90s\", \"target\": 0.2}"));
        assertEquals("$.steps[0].duration", p.path());
        assertTrue(p.message().contains("over the 1m limit"), p.message());
        assertTrue(p.message().contains("hip-flexors"), p.message());
    }

    @Test
    void totalOverSessionCeilingIsRefused() {
        // 8 x 2 x 2 min = 32 min
        Problem p = onlyProblem(program("{\"repeat\": 8, \"steps\": [{\"region\": \"calves\", \"duration\": \"2m\", \"target\": 0.3}]}"));
        assertEquals("$.steps", p.path());
        assertTrue(p.message().contains("32m") && p.message().contains("30m"), p.message());
    }

    @Test
    void unknownKeysAreRefusedWithASuggestion() {
        Problem p = onlyProblem(program("{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3, \"rampup\": 5}"));
        assertEquals("$.steps[0].rampup", p.path());
        assertTrue(p.message().contains("did you mean \"rampUp\""), p.message());
        Problem top = onlyProblem("{\"id\": \"t\", \"name\": \"T\", \"colour\": 1, \"steps\": [{\"rest\": 5}]}");
        assertEquals("$.colour", top.path());
        assertEquals(null, top.step());
    }

    @Test
    void stepsInsideARepeatAreNumberedWithinIt() {
        Problem p = onlyProblem(program("{\"rest\": 5}",
                "{\"repeat\": 2, \"steps\": [{\"rest\": 5}, {\"region\": \"calves\", \"duration\": \"abc\", \"target\": 0.3}]}"));
        assertEquals("step 2.2", p.step());
        assertEquals("$.steps[1].steps[1].duration", p.path());
        assertTrue(p.message().contains("not a duration"), p.message());
    }

    @Test
    void nestedRepeatSideOnUnsidedRegionAndBadCurveAreRefused() {
        assertTrue(onlyProblem(program("{\"repeat\": 2, \"steps\": [{\"repeat\": 2, \"steps\": [{\"rest\": 5}]}]}"))
                .message().contains("cannot sit inside another repeat"));
        assertTrue(onlyProblem(program("{\"region\": \"upper-back\", \"side\": \"left\", \"duration\": 30, \"target\": 0.3}"))
                .message().contains("has no sides"));
        assertTrue(onlyProblem(program("{\"region\": \"calves\", \"side\": \"middle\", \"duration\": 30, \"target\": 0.3}"))
                .message().contains("\"left\", \"right\" or \"both\""));
        assertTrue(onlyProblem(program("{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3, \"curve\": \"cubic\"}"))
                .message().contains("\"linear\", \"ease-in\" or \"s-curve\""));
        assertTrue(onlyProblem(program("{\"repeat\": 0, \"steps\": [{\"rest\": 5}]}")).message().contains("from 1 to"));
        assertTrue(onlyProblem(program("{\"duration\": 5}")).message().contains("needs \"region\""));
        assertTrue(onlyProblem(program("{\"region\": \"calves\", \"rest\": 5}")).message().contains("exactly one"));
    }

    @Test
    void missingFieldsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> parser.parse("my.json", "{\"steps\": [{\"region\": \"calves\"}]}"));
        String all = e.getMessage();
        assertTrue(all.contains("missing \"id\""), all);
        assertTrue(all.contains("missing \"name\""), all);
        assertTrue(all.contains("missing \"duration\""), all);
        assertTrue(all.contains("missing \"target\""), all);
        assertEquals(4, e.problems().size(), all);
        Problem duration = e.problems().stream().filter(p -> p.message().contains("duration")).findFirst().orElseThrow();
        assertEquals("$.steps[0]", duration.path());
        assertEquals(1, duration.line());
        assertEquals(12, duration.column(), "an object's place is where its brace opens");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> parser.parse("my.json", program(
                "{\"region\": \"spine\", \"duration\": 30, \"target\": 0.3}",
                "{\"region\": \"calves\", \"duration\": 30, \"target\": 7}")));
        assertEquals(List.of("step 1", "step 2"), e.problems().stream().map(Problem::step).toList());
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        Problem p = onlyProblem("{\"id\": \"t\",\n  \"name\": \"T\"\n  \"steps\": []}");
        assertEquals(3, p.line());
        assertTrue(p.message().startsWith("not valid JSON"), p.message());
        assertTrue(p.toString().contains("line 3"), p.toString());
    }

    @Test
    void badIdAndEmptyStepsAreRefused() {
        assertTrue(onlyProblem("{\"id\": \"My Program\", \"name\": \"x\", \"steps\": [{\"rest\": 5}]}").message().contains("lower-case"));
        assertTrue(onlyProblem("{\"id\": \"p\", \"name\": \"x\", \"steps\": []}").message().contains("non-empty"));
        assertTrue(onlyProblem("[1, 2]").message().contains("JSON object"));
    }

    @Test
    void durationText() {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofSeconds(120), DurationText.parse("2m"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("1m30s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("1h"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse(""));
        assertEquals("1m30s", DurationText.format(Duration.ofSeconds(90)));
        assertEquals("45s", DurationText.format(Duration.ofSeconds(45)));
        assertEquals("2m", DurationText.format(Duration.ofSeconds(120)));
    }
}
