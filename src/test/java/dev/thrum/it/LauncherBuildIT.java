package dev.thrum.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's "build when the sources changed" step, with launches started together. */
class LauncherBuildIT {

    @Test
    void launchesStartedTogetherAfterASourceChangedBuildOnce(@TempDir Path tmp) throws Exception {
        // A checkout whose jar is older than its sources (as after a git pull), without the tests,
        // so the build it triggers is the launcher's and nothing more.
        Path checkout = tmp.resolve("checkout");
        for (String part : List.of("pom.xml", "mvnw", "thrum", ".mvn", "src/main", "device-profiles", "target/classes",
                "target/lib", "target/thrum.jar"))
            copy(Thrum.PROJECT.resolve(part), checkout.resolve(part));
        Path jar = checkout.resolve("target/thrum.jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));

        Thrum thrum = Thrum.inNewHome(Files.createDirectories(tmp.resolve("home")))
                .withLauncher(checkout.resolve("thrum"));
        List<ThrumProcess> launches = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) launches.add(thrum.start("--version"));
            int builds = 0;
            for (ThrumProcess p : launches) {
                ThrumProcess.Result r = p.awaitExit(Duration.ofMinutes(4)).assertExit(0);
                assertEquals(List.of("thrum 0.1.0"), r.stdout(), r::toString);
                if (r.err().contains("building")) builds++;
            }
            assertEquals(1, builds, "one launch builds; the other waits and finds the jar fresh");
        } finally {
            launches.forEach(ThrumProcess::close);
        }
        assertTrue(Files.getLastModifiedTime(jar).toInstant().isAfter(Instant.now().minus(Duration.ofMinutes(5))),
                "the jar was rebuilt");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
