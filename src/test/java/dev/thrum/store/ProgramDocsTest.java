package dev.thrum.store;

import dev.thrum.program.Condition;
import dev.thrum.program.DurationText;
import dev.thrum.program.Planner;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tables in docs/programs.md and docs/safety.md say what the code does. */
class ProgramDocsTest {

    private final RegionCatalogue catalogue = RegionCatalogueLoader.builtIn();

    @Test
    void regionTableMatchesTheCatalogue() throws Exception {
        String doc = Files.readString(Path.of("docs/programs.md"));
        for (Region r : catalogue.all()) {
            String row = r.blocked()
                    ? String.format("| `%s` | %s | no | - | - | **never** |", r.id(), r.name())
                    : String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s |  |", r.id(), r.name(), r.hasSides() ? "yes" : "no",
                    trim(r.cap()), DurationText.format(r.maxContinuous()));
            assertTrue(doc.contains(row), "docs/programs.md is missing or out of date for: " + row);
        }
    }

    @Test
    void builtInProgramTableMatchesTheirLength() throws Exception {
        String doc = Files.readString(Path.of("docs/programs.md"));
        ProgramLibrary library = ProgramLibraryLoader.load(catalogue, Path.of("does-not-exist"));
        for (ProgramLibrary.Entry e : library.entries()) {
            String cell = "| `" + e.program().id() + "` | " + DurationText.format(new Planner(catalogue).plan(e.program()).plannedDuration()) + " |";
            assertTrue(doc.contains(cell), "docs/programs.md: " + cell);
        }
    }

    @Test
    void workedExampleIsAValidProgramOfTheStatedLength() throws Exception {
        String doc = Files.readString(Path.of("docs/programs.md"));
        int start = doc.indexOf("```json", doc.indexOf("## A program file")) + "```json".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        dev.thrum.program.Program p = new dev.thrum.program.ProgramParser(catalogue).parse("docs/programs.md example", example);
        assertTrue(doc.contains("Total " + DurationText.format(new Planner(catalogue).plan(p).plannedDuration()) + "."),
                "the example's stated total is wrong");
    }

    @Test
    void everyConditionIsExplainedInSafetyDoc() throws Exception {
        String doc = Files.readString(Path.of("docs/safety.md"));
        for (Condition c : Condition.values()) assertTrue(doc.contains("| `" + c.key() + "` |"), c.key());
    }

    private static String trim(double d) {
        String s = String.valueOf(d);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
