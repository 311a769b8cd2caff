package dev.thrum.program;

import dev.thrum.input.InternalText;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules for program and region files found missing by the audit (issue 13, items 14, 16, 17, 20). */
class InputRulesTest {
    private final ProgramParser parser = new ProgramParser(ShippedCatalogue.SHIPPED);

    private ValidationException refused(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> parser.parse("p.json", text));
        InternalText.assertNone(e.getMessage(), "p.json");
        return e;
    }

    @Test
    void a_non_boolean_blocked_in_a_regions_override_names_the_place() {
        for (String value : new String[]{"\"yes\"", "1", "null", "{}"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> RegionCatalogueParser.override(ShippedCatalogue.SHIPPED,
                    "regions.json", "{\"regions\": [{\"id\": \"calves\", \"blocked\": " + value + "}]}"));
            assertTrue(e.getMessage().contains("regions.json: region 1 ($.regions[0].blocked, line 1, column"), e.getMessage());
            assertTrue(e.getMessage().contains("must be true or false"), e.getMessage());
            InternalText.assertNone(e.getMessage(), "blocked " + value);
        }
    }

    @Test
    void a_duration_too_long_to_count_is_refused_not_wrapped_around() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse("307445734561825861m"));
        assertTrue(e.getMessage().contains("longer than a day"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("99999999999999999999s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("1441m"));
        assertEquals(Duration.ofHours(24), DurationText.parse("1440m"));
        assertEquals(Duration.ofSeconds(90), DurationText.parse("0001m30s"));
        String step = "{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"region\": \"calves\", \"duration\": \"307445734561825861m\", \"target\": 0.4}]}";
        assertTrue(refused(step).getMessage().contains("$.steps[0].duration"));
    }

    @Test
    void a_program_that_never_runs_the_motor_is_refused_at_check() {
        ValidationException rests = refused("{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"rest\": 30}, {\"rest\": \"1m\"}]}");
        assertTrue(rests.getMessage().contains("p.json ($.steps, line 1") && rests.getMessage().contains("never runs the motor"), rests.getMessage());
        ValidationException zero = refused("{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"repeat\": 2, \"steps\": ["
                + "{\"region\": \"calves\", \"duration\": 30, \"target\": 0}, {\"rest\": 10}]}]}");
        assertTrue(zero.getMessage().contains("add a step with a region and a target above 0"), zero.getMessage());
        // one real step is enough
        parser.parse("p.json", "{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0},"
                + " {\"region\": \"feet\", \"duration\": 30, \"target\": 0.2}]}");
    }

    @Test
    void trailing_text_after_a_program_is_refused_with_its_place() {
        ValidationException e = refused("{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3}]}\n}garbage");
        assertTrue(e.getMessage().startsWith("p.json (line 1, column 89): unexpected text after the end of the JSON value"), e.getMessage());
    }
}
