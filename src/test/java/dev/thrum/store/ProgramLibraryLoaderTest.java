package dev.thrum.store;

import dev.thrum.program.HardLimits;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.Planner;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.SessionPlan;
import dev.thrum.program.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgramLibraryLoaderTest {

    @TempDir
    Path tmp;

    private final RegionCatalogue catalogue = RegionCatalogueLoader.builtIn();

    @Test
    void everyShippedProgramFileIsListedAndValid() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/programs"))) {
            Set<String> files = Set.copyOf(s.map(p -> p.getFileName().toString().replace(".json", "")).toList());
            assertEquals(files, Set.copyOf(ProgramLibraryLoader.BUILT_IN), "BUILT_IN must list every shipped program");
        }
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, tmp.resolve("none"));
        assertEquals(ProgramLibraryLoader.BUILT_IN, library.entries().stream().map(e -> e.program().id()).toList());
        assertEquals(List.of(), library.problems());
    }

    @Test
    void builtInProgramsStayInsideTheSafetyReference() {
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, tmp);
        for (ProgramLibrary.Entry e : library.entries()) {
            SessionPlan plan = new Planner(catalogue).plan(e.program());
            assertTrue(plan.plannedDuration().compareTo(Duration.ofMinutes(20)) <= 0, e.program().id() + " well under 30 min");
            for (PlannedStep s : plan.steps()) {
                if (s.rest()) continue;
                Region r = catalogue.get(s.regionId());
                assertTrue(s.duration().compareTo(Duration.ofMinutes(2)) <= 0, e.program().id() + " step " + s.index());
                assertTrue(s.duration().compareTo(Duration.ofSeconds(30)) >= 0, e.program().id() + " step " + s.index());
                assertTrue(s.target() <= r.cap(), e.program().id() + " target within the region cap, not clamped");
                assertTrue(s.target() <= 0.5, e.program().id() + " low or medium intensity");
            }
            assertTrue(plan.notes().isEmpty(), e.program().id() + " needs no clamping: " + plan.notes());
        }
    }

    @Test
    void sciaticaReliefCoversTheSourceRegionsGently() {
        Program p = ProgramLibraryLoader.load(catalogue, tmp).find("sciatica-relief").orElseThrow();
        SessionPlan plan = new Planner(catalogue).plan(p);
        Set<String> regions = Set.copyOf(plan.steps().stream().filter(s -> !s.rest()).map(PlannedStep::regionId).toList());
        assertTrue(regions.containsAll(Set.of("gluteus-maximus", "piriformis", "quadratus-lumborum", "hamstrings", "hip-flexors", "lower-back")), regions.toString());
        plan.steps().stream().filter(s -> !s.rest()).forEach(s -> {
            assertTrue(s.duration().toSeconds() >= 60 && s.duration().toSeconds() <= 120, s.toString());
        });
        assertTrue(plan.plannedDuration().compareTo(HardLimits.SESSION_CEILING.dividedBy(2).plus(Duration.ofMinutes(5))) < 0);
    }

    @Test
    void userProgramsLoadOverrideAndBadFilesAreSkipped() throws Exception {
        Files.writeString(tmp.resolve("a-mine.json"), """
                {"id": "mine", "name": "Mine", "steps": [{"region": "calves", "duration": 30, "target": 0.3}]}""");
        Files.writeString(tmp.resolve("b-bad.json"), """
                {"id": "bad", "name": "Bad", "steps": [{"region": "neck", "duration": 30, "target": 0.3}]}""");
        Files.writeString(tmp.resolve("c-warmup.json"), """
                {"id": "general-warm-up", "name": "My warm-up", "steps": [{"region": "calves", "duration": 30, "target": 0.3}]}""");
        Files.writeString(tmp.resolve("notes.txt"), "not a program");
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, tmp);
        assertTrue(library.find("mine").isPresent());
        assertFalse(library.find("bad").isPresent());
        assertEquals("My warm-up", library.find("general-warm-up").orElseThrow().name());
        assertEquals(1, library.messages().size());
        assertTrue(library.messages().get(0).contains("c-warmup.json overrides the one from built-in"), library.messages().get(0));
        assertEquals(1, library.problems().size());
        String message = library.problems().get(0).getMessage();
        assertTrue(message.contains("b-bad.json: step 1 ($.steps[0].region"), message);
    }

    @Test
    void readFileNamesTheFileForUnreadableText() throws Exception {
        Path f = tmp.resolve("latin1.json");
        Files.write(f, new byte[]{'{', (byte) 0xE9, '}'});
        ValidationException e = assertThrows(ValidationException.class,
                () -> ProgramLibraryLoader.readFile(new dev.thrum.program.ProgramParser(catalogue), f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void userRegionFileTightensTheCatalogue() throws Exception {
        assertEquals(catalogue.get("calves"), RegionCatalogueLoader.load(tmp).get("calves"), "no override file: built-in");
        Files.writeString(tmp.resolve("regions.json"), "{\"regions\": [{\"id\": \"calves\", \"cap\": 0.2}]}");
        assertEquals(0.2, RegionCatalogueLoader.load(tmp).get("calves").cap());
        Files.writeString(tmp.resolve("regions.json"), "{\"regions\": [{\"id\": \"calves\", \"cap\": 0.9}]}");
        ValidationException e = assertThrows(ValidationException.class, () -> RegionCatalogueLoader.load(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve("regions.json").toString()), e.getMessage());
    }

    @Test
    void resolveTakesAnIdOrAFilePath() throws Exception {
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, tmp.resolve("none"));
        assertEquals("sciatica-relief", ProgramLibraryLoader.resolve(library, catalogue, "sciatica-relief").id());
        Path f = tmp.resolve("x.json");
        Files.writeString(f, "{\"id\": \"x\", \"name\": \"X\", \"steps\": [{\"region\": \"calves\", \"duration\": 30, \"target\": 0.3}]}");
        assertEquals("x", ProgramLibraryLoader.resolve(library, catalogue, f.toString()).id());
        java.util.NoSuchElementException e = assertThrows(java.util.NoSuchElementException.class,
                () -> ProgramLibraryLoader.resolve(library, catalogue, "sciatic"));
        assertTrue(e.getMessage().contains("sciatica-relief"), e.getMessage());
    }
}
