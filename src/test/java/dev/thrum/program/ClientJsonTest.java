package dev.thrum.program;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientJsonTest {

    private static Client read(String source, String text) {
        return ClientJson.read(source, text, ShippedCatalogue.SHIPPED);
    }

    @Test
    void a_limit_on_an_unknown_region_is_refused_with_the_place_and_the_nearest_id() {
        ValidationException e = assertThrows(ValidationException.class, () -> read("POST /clients",
                "{\"name\": \"y\",\n \"regionCaps\": {\"calvs\": 0.2},\n \"avoid\": [\"hamstring\"],\n \"softer\": {\"glutes\": 0.1}}"));
        String all = e.getMessage();
        assertTrue(all.contains("POST /clients ($.regionCaps.calvs, line 2") && all.contains("did you mean 'calves'"), all);
        assertTrue(all.contains("($.avoid[0], line 3") && all.contains("unknown region 'hamstring'; did you mean 'hamstrings'"), all);
        assertTrue(all.contains("$.softer.glutes"), all);
        assertEquals(3, e.problems().size(), all);
    }

    @Test
    void the_planner_refuses_a_client_whose_limits_name_an_unknown_region() {
        Client typo = new Client(null, "Y", 1.0, Set.of("hamstring"), Map.of("calvs", 0.2), null, 0, "", Set.of(), Map.of(), false);
        Program p = new ProgramParser(ShippedCatalogue.SHIPPED).parse("p.json",
                "{\"id\": \"p\", \"name\": \"P\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0.45}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Planner(ShippedCatalogue.SHIPPED).plan(p, typo));
        assertTrue(e.getMessage().contains("'calvs'; did you mean 'calves'") && e.getMessage().contains("'hamstring'"), e.getMessage());
    }

    @Test
    void writesAndReadsBack() {
        Client c = new Client(null, "Zoë O'Neil", 0.45, Set.of("feet"), Map.of("calves", 0.3), Duration.ofSeconds(900), 4, "n",
                EnumSet.of(Condition.EPILEPSY, Condition.PREGNANCY), Map.of("piriformis", 0.2), true);
        assertEquals("zoe-o-neil", c.id());
        String text = ClientJson.write(c);
        assertTrue(text.contains("\"maxSession\" : \"15m\""), text);
        assertTrue(text.contains("\"epilepsy\""), text);
        assertEquals(c, read("zoe-o-neil.json", text));
    }

    @Test
    void minimalFileGetsDefaults() {
        Client c = read("bo.json", "{\"name\": \"Bo\"}");
        assertEquals("bo", c.id());
        assertEquals(1.0, c.maxIntensity());
        assertEquals(HardLimits.SESSION_CEILING, c.sessionCeiling());
        assertEquals(Set.of(), c.conditions());
    }

    @Test
    void badFieldsAreNamedWithTheirPlace() {
        ValidationException e = assertThrows(ValidationException.class, () -> read("bo.json",
                "{\"name\": \"Bo\",\n \"conditions\": [\"flu\"],\n \"regionCaps\": {\"calves\": 2},\n \"colour\": 1}"));
        String all = e.getMessage();
        assertTrue(all.contains("bo.json ($.conditions[0], line 2, column 17): unknown condition 'flu'"), all);
        assertTrue(all.contains("$.regionCaps.calves, line 3"), all);
        assertTrue(all.contains("unknown key \"colour\""), all);
        assertThrows(ValidationException.class, () -> read("x.json", "{\"maxIntensity\": 0.5}"));
    }

    @Test
    void conditionsNarrowLimitsTogether() {
        Client c = new Client(null, "Al", 0.8, Set.of(), Map.of("lower-back", 0.25), null, 0, "",
                EnumSet.of(Condition.OSTEOPOROSIS, Condition.SPONDYLOLISTHESIS), Map.of(), false);
        assertEquals(0.15, c.capFor("lower-back"), 1e-9, "spondylolisthesis is lowest there");
        assertEquals(0.35, c.capFor("calves"), 1e-9, "osteoporosis caps all");
        assertTrue(c.needsConfirmation());
    }
}
