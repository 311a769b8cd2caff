package dev.thrum.input;

import dev.thrum.store.AppConfig;
import dev.thrum.store.ClientStore;
import dev.thrum.store.ProfileLibraryLoader;
import dev.thrum.store.ProgramLibraryLoader;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.profile.ProfileLibrary;
import dev.thrum.profile.ProfileProblem;
import dev.thrum.program.Client;
import dev.thrum.program.Problem;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.ValidationException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file loader against mutated real files (issue 13, fuzz tests): whatever the bytes, the
 * loader answers with problems that name the file and a place, holds no internal exception text,
 * uses nothing from a refused file, and still loads the good file next to it. Bounded tries, so the
 * whole class runs in seconds.
 */
class LoaderFuzzTest {
    static final int TRIES = 120;
    static final RegionCatalogue CATALOGUE = RegionCatalogueLoader.builtIn();

    static final byte[] PROFILE = read("device-profiles/thrum-open-serial.json")
            .replace("\"id\": \"thrum-open-serial\"", "\"id\": \"fuzz-target\"").getBytes(StandardCharsets.UTF_8);
    static final byte[] PROGRAM = read("src/main/resources/programs/general-warm-up.json")
            .replace("\"general-warm-up\"", "\"fuzz-target\"").getBytes(StandardCharsets.UTF_8);
    static final byte[] REGIONS = ("{\"regions\": [{\"id\": \"calves\", \"cap\": 0.5, \"blocked\": false},\n"
            + " {\"id\": \"shins\", \"name\": \"Shins\", \"sides\": true, \"cap\": 0.2, \"maxContinuous\": \"30s\", \"cue\": \"Gently.\"}]}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] CLIENT = ("{\"id\": \"fuzz-target\", \"name\": \"Fuzz Target\", \"maxIntensity\": 0.6, \"avoid\": [\"feet\"],\n"
            + " \"regionCaps\": {\"calves\": 0.4}, \"maxSession\": \"20m\", \"weeklyTarget\": 3, \"notes\": \"n\",\n"
            + " \"conditions\": [], \"softer\": {\"quadriceps\": 0.3}, \"conditionsConfirmed\": false}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] CONFIG = "{\"device\": \"sim:theragun-gen4\", \"port\": 7412}".getBytes(StandardCharsets.UTF_8);

    @Provide
    Arbitrary<List<Mutations.Op>> mutations() { return Mutations.ops(); }

    @Property(tries = TRIES)
    void device_profiles(@ForAll("mutations") List<Mutations.Op> ops) throws IOException {
        try (Scratch dir = new Scratch()) {
            Path bad = dir.write("bad.json", Mutations.apply(PROFILE, ops));
            dir.write("good.json", read("device-profiles/thrum-open-serial.json").replace("\"id\": \"thrum-open-serial\"", "\"id\": \"good-neighbour\"")
                    .getBytes(StandardCharsets.UTF_8));
            ProfileLibrary lib = new ProfileLibraryLoader().load(List.of(dir.path));
            assertTrue(lib.profiles().containsKey("good-neighbour"), "the good neighbour was not loaded");
            List<ProfileProblem> mine = lib.errors().stream().filter(p -> p.file().equals(bad.toString())).toList();
            assertEquals(lib.errors().size(), mine.size(), "problems outside the bad file: " + lib.errors());
            if (!mine.isEmpty()) assertFalse(lib.profiles().containsKey("fuzz-target"), "a refused profile was used");
            for (ProfileProblem p : mine) {
                String text = p.toString();
                InternalText.assertNone(text, "a profile problem");
                assertTrue(p.line() > 0 || (p.path() != null && !p.path().isEmpty()) || placeless(p.message()), "no place: " + text);
            }
        }
    }

    @Property(tries = TRIES)
    void programs(@ForAll("mutations") List<Mutations.Op> ops) throws IOException {
        try (Scratch dir = new Scratch()) {
            Path bad = dir.write("fuzz-target.json", Mutations.apply(PROGRAM, ops));
            dir.write("good-neighbour.json", read("src/main/resources/programs/general-warm-up.json")
                    .replace("\"general-warm-up\"", "\"good-neighbour\"").getBytes(StandardCharsets.UTF_8));
            ProgramLibrary lib = ProgramLibraryLoader.load(CATALOGUE, dir.path);
            assertTrue(lib.find("good-neighbour").isPresent(), "the good neighbour was not loaded");
            for (ValidationException e : lib.problems()) {
                for (Problem p : e.problems()) checkProblem(p, bad);
                assertFalse(lib.find("fuzz-target").isPresent(), "a refused program was used");
            }
        }
    }

    @Property(tries = TRIES)
    void regions_override(@ForAll("mutations") List<Mutations.Op> ops) throws IOException {
        try (Scratch dir = new Scratch()) {
            Path bad = dir.write(RegionCatalogueLoader.OVERRIDE_FILE, Mutations.apply(REGIONS, ops));
            try {
                RegionCatalogue c = RegionCatalogueLoader.load(dir.path);
                assertTrue(c.find("calves").orElseThrow().cap() <= CATALOGUE.find("calves").orElseThrow().cap(), "an override loosened a cap");
            } catch (ValidationException e) {
                for (Problem p : e.problems()) checkProblem(p, bad);
            }
        }
    }

    @Property(tries = TRIES)
    void clients(@ForAll("mutations") List<Mutations.Op> ops) throws IOException {
        try (Scratch dir = new Scratch()) {
            Path bad = dir.write("fuzz-target.json", Mutations.apply(CLIENT, ops));
            dir.write("good-neighbour.json", "{\"name\": \"Good Neighbour\", \"regionCaps\": {\"calves\": 0.3}}".getBytes(StandardCharsets.UTF_8));
            ClientStore store = new ClientStore(dir.path, CATALOGUE);
            List<Client> all = store.list();
            assertTrue(all.stream().anyMatch(c -> c.id().equals("good-neighbour")), "the good neighbour was not loaded");
            List<ValidationException> problems = store.problems();
            for (ValidationException e : problems) for (Problem p : e.problems()) checkProblem(p, bad);
            if (!problems.isEmpty()) assertEquals(1, all.size(), "a refused client was used: " + all);
            for (Client c : all)
                for (String region : c.regionCaps().keySet()) assertTrue(CATALOGUE.find(region).isPresent(), "unknown region kept: " + region);
        }
    }

    @Property(tries = TRIES)
    void config_json(@ForAll("mutations") List<Mutations.Op> ops) throws IOException {
        try (Scratch dir = new Scratch()) {
            Path bad = dir.write("config.json", Mutations.apply(CONFIG, ops));
            try {
                AppConfig c = AppConfig.load(bad);
                assertTrue(c.port() >= 0 && c.port() <= 65535, "port " + c.port());
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
                InternalText.assertNone(e.getMessage(), "a config.json problem");
                assertTrue(e.getMessage().contains("line ") || e.getMessage().contains("($.") || placeless(e.getMessage()), "no place: " + e.getMessage());
            }
        }
    }

    private static void checkProblem(Problem p, Path file) {
        String text = p.toString();
        assertEquals(file.toString(), p.source(), text);
        InternalText.assertNone(text, "a problem");
        assertTrue(p.line() > 0 || p.path() != null || placeless(p.message()), "no place: " + text);
    }

    /** Problems about the whole file, where a line would say nothing more. */
    private static boolean placeless(String message) {
        return message.contains("byte offset") || message.contains("empty") || message.contains("must be one JSON object")
                || message.contains("expected a JSON object") || message.contains("is one JSON object");
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A temporary directory for one try (jqwik makes many; JUnit's @TempDir is per test method). */
    static final class Scratch implements AutoCloseable {
        final Path path;

        Scratch() throws IOException { path = Files.createTempDirectory("thrum-fuzz"); }

        Path write(String name, byte[] bytes) throws IOException {
            Path f = path.resolve(name);
            Files.write(f, bytes);
            return f;
        }

        @Override
        public void close() throws IOException {
            try (Stream<Path> s = Files.walk(path)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
