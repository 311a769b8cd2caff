package dev.thrum.store;

import dev.thrum.program.Problem;
import dev.thrum.program.Program;
import dev.thrum.program.ProgramLibrary;
import dev.thrum.program.ProgramParser;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.ValidationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads the built-in programs (resources under {@code programs/}) and then every {@code *.json} in the
 * user's programs directory, in file-name order. A bad file is recorded in the library's problems and
 * skipped; the others still load. A later program with an id already loaded replaces it, and says so.
 */
public final class ProgramLibraryLoader {
    /** The built-in programs, by id; each is {@code /programs/ID.json} on the classpath. */
    public static final List<String> BUILT_IN = List.of(
            "sciatica-relief", "general-warm-up", "legs-after-run", "desk-worker-back-shoulders");

    private ProgramLibraryLoader() {}

    public static ProgramLibrary load(RegionCatalogue catalogue, Path programsDir) {
        ProgramParser parser = new ProgramParser(catalogue);
        ProgramLibrary library = new ProgramLibrary();
        for (String id : BUILT_IN) {
            String source = "built-in programs/" + id + ".json";
            // a broken built-in is a build error; let it fail loudly in tests
            library.add(parser.parse(source, RegionCatalogueLoader.Resources.text("/programs/" + id + ".json")), source);
        }
        if (!Files.isDirectory(programsDir)) return library;
        List<Path> files;
        try (Stream<Path> s = Files.list(programsDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            library.reject(new ValidationException(Problem.of(programsDir.toString(), "cannot list the directory: " + e.getMessage())));
            return library;
        }
        for (Path file : files) {
            try {
                library.add(readFile(parser, file), file.toString());
            } catch (ValidationException e) {
                library.reject(e);
            }
        }
        return library;
    }

    /**
     * What {@code thrum run PROGRAM} means by PROGRAM: a program id from the library, or else the
     * path of a program file (validated like any other).
     *
     * @throws java.util.NoSuchElementException naming the known ids, when it is neither
     * @throws ValidationException when it is a file with problems
     */
    public static Program resolve(ProgramLibrary library, RegionCatalogue catalogue, String idOrPath) {
        Optional<Program> byId = library.find(idOrPath);
        if (byId.isPresent()) return byId.get();
        Path file = Path.of(idOrPath);
        if (Files.isRegularFile(file)) return readFile(new ProgramParser(catalogue), file);
        throw new NoSuchElementException("no program '" + idOrPath + "' (neither a program id nor a file); known programs: "
                + String.join(", ", library.entries().stream().map(e -> e.program().id()).toList()));
    }

    /** Reads and validates one program file. @throws ValidationException naming the file */
    public static Program readFile(ProgramParser parser, Path file) {
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ValidationException(Problem.of(file.toString(), "no such file"));
        } catch (IOException e) {
            throw new ValidationException(Problem.of(file.toString(), "cannot read the file: " + IoReason.of(e)));
        }
        return parser.parse(file.toString(), text);
    }
}
