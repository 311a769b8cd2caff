package dev.thrum.program;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionCatalogueTest {

    private final RegionCatalogue shipped = ShippedCatalogue.SHIPPED;

    @Test
    void shipsTheRegionsTheIssueAsksFor() {
        for (String id : List.of("gluteus-maximus", "gluteus-medius", "piriformis", "quadratus-lumborum", "lower-back",
                "hip-flexors", "hamstrings", "calves", "outer-thigh", "quadriceps", "adductors", "upper-trapezius",
                "shoulders", "upper-back", "forearms", "feet")) {
            Region r = shipped.get(id);
            assertFalse(r.blocked(), id);
            assertTrue(r.maxContinuous().compareTo(Duration.ofMinutes(2)) <= 0, id + " within about 2 min (safety.md)");
            assertFalse(r.cue().isBlank(), id + " has a cue");
        }
        assertTrue(shipped.get("neck").blocked());
        assertTrue(shipped.get("spine").blocked());
        assertTrue(shipped.get("lower-back").cap() <= 0.3, "low cap beside the spine");
        assertTrue(shipped.get("hip-flexors").cap() <= 0.3, "low cap over the hip flexors");
    }

    @Test
    void closestIdsSuggestPlausibleTypos() {
        assertEquals("piriformis", shipped.closestIds("piriformus", 3).get(0));
        assertEquals("hamstrings", shipped.closestIds("hamstring", 3).get(0));
        assertTrue(shipped.closestIds("glutes", 3).contains("gluteus-maximus"));
        assertEquals(List.of(), shipped.closestIds("elbow", 3));
        assertFalse(shipped.closestIds("nek", 3).contains("neck"), "blocked regions are never suggested");
        assertEquals(2, shipped.closestIds("gluteus", 3).size());
        assertEquals(1, shipped.closestIds("gluteus", 1).size(), "limited to max");
    }

    @Test
    void overrideMayTightenAndAdd() {
        RegionCatalogue c = RegionCatalogueParser.override(shipped, "user.json", """
                {"regions": [
                  {"id": "calves", "cap": 0.3, "maxContinuous": "1m"},
                  {"id": "feet", "blocked": true},
                  {"id": "palms", "name": "Palms", "sides": true, "cap": 0.2, "maxContinuous": 30, "cue": "lightly"}
                ]}""");
        assertEquals(0.3, c.get("calves").cap());
        assertEquals(Duration.ofMinutes(1), c.get("calves").maxContinuous());
        assertTrue(c.get("feet").blocked());
        assertEquals("Palms", c.get("palms").name());
        assertEquals(shipped.get("piriformis"), c.get("piriformis"), "untouched regions stay");
    }

    @Test
    void overrideCannotLoosenOrLiftHardCeilings() {
        String[] bad = {
                "{\"id\": \"lower-back\", \"cap\": 0.9}",
                "{\"id\": \"calves\", \"maxContinuous\": \"4m\"}",
                "{\"id\": \"neck\", \"blocked\": false}",
                "{\"id\": \"calves\", \"sides\": false}",
                "{\"id\": \"palms\", \"name\": \"Palms\", \"sides\": true, \"cap\": 0.2, \"maxContinuous\": \"6m\"}",
                "{\"id\": \"palms\", \"name\": \"Palms\", \"sides\": true, \"cap\": 1.5, \"maxContinuous\": \"1m\"}",
                "{\"id\": \"palms\", \"sides\": true, \"cap\": 0.2}",
                "{\"id\": \"calves\", \"colour\": \"red\"}",
        };
        for (String entry : bad) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> RegionCatalogueParser.override(shipped, "user.json", "{\"regions\": [" + entry + "]}"), entry);
            Problem p = e.problems().get(0);
            assertEquals("user.json", p.source());
            assertEquals("region 1", p.step(), entry);
            assertTrue(p.path().startsWith("$.regions[0]"), p.path());
        }
    }

    @Test
    void builtInCatalogueMustBlockNeckAndSpine() {
        ValidationException e = assertThrows(ValidationException.class, () -> RegionCatalogueParser.parse("r.json",
                "{\"regions\": [{\"id\": \"calves\", \"name\": \"C\", \"sides\": true, \"cap\": 0.5, \"maxContinuous\": 60}]}"));
        assertTrue(e.getMessage().contains("blocked region"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Region("neck", "Neck", false, 0, Duration.ofSeconds(1), "", false));
        assertThrows(IllegalArgumentException.class,
                () -> new Region("calves", "C", true, 0.5, Duration.ofMinutes(6), "", false));
    }
}
