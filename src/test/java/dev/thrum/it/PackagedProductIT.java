package dev.thrum.it;

import dev.thrum.testkit.ThrumLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged layout (thin jar + lib/) and the launcher, from any folder and from a read-only copy. */
class PackagedProductIT {

    private static final Duration QUICK = Duration.ofSeconds(90); // a first launch also makes the archive

    @Test
    void versionFromAnotherWorkingDirectory(@TempDir Path home) {
        ThrumProcess.Result r = Thrum.inNewHome(home).run(QUICK, "--version").assertExit(0);
        assertEquals(List.of("thrum 0.1.0"), r.stdout(), r::toString);
        assertFalse(r.err().contains("building"), "package left a jar the launcher thinks stale:\n" + r);
    }

    @Test
    void theBuiltInProfilesAreFoundInTheJar(@TempDir Path home) throws Exception {
        // from a new home in another folder, no ./device-profiles: every profile comes from listing the jar
        List<String> packed;
        try (Stream<Path> files = Files.list(Thrum.PROJECT.resolve("device-profiles"))) {
            packed = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
        }
        ThrumProcess.Result r = Thrum.inNewHome(home).run(QUICK, "profiles", "list").assertExit(0);
        List<String> listed = r.stdout().stream().skip(1).map(l -> l.split("\\s+")[0]).sorted().toList();
        assertEquals(packed, listed, r::toString);
        assertTrue(packed.size() >= 6, "the repository's device-profiles/ went missing: " + packed);
    }

    @Test
    void eachLibraryKeepsItsOwnManifest() throws Exception {
        Path jar = Thrum.PROJECT.resolve("target/thrum.jar");
        try (JarFile thrum = new JarFile(jar.toFile())) {
            assertNull(thrum.getEntry("tinyb/BluetoothManager.class"), "libraries stay in their own jars");
            String classPath = thrum.getManifest().getMainAttributes().getValue("Class-Path");
            assertTrue(classPath.contains("lib/bluetooth-manager-tinyb-1.3.3.jar"), classPath);
            for (String entry : classPath.split(" "))
                assertTrue(Files.isRegularFile(jar.resolveSibling(entry)), "Class-Path names a missing " + entry);
        }
        Process probe = new ProcessBuilder(ThrumLaunch.java(), "-cp", jar + File.pathSeparator + Thrum.PROJECT.resolve("target/test-classes"),
                PackagedLayoutProbe.class.getName()).redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes());
        assertEquals(0, probe.waitFor(), out);
        assertTrue(out.contains("tinyb-specification-version=0.5.0-28-gac6d308"), out);
        assertTrue(out.contains("lib/jackson-core-2.17.2.jar!/META-INF/versions/"),
                "jackson-core is read as a multi-release jar:\n" + out);
        assertTrue(out.contains("target/thrum.jar!/dev/thrum/Main.class"), out);
    }

    @Test
    void aReadOnlyInstalledCopyRunsAndKeepsItsArchiveInTheUsersCache(@TempDir Path tmp) throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt/thrum"));
        Path launcher = Thrum.installCopy(opt);
        Thrum thrum = Thrum.inNewHome(Files.createDirectories(tmp.resolve("home"))).withLauncher(launcher)
                .withReadOnly(opt);
        ThrumProcess.Result first = thrum.run(QUICK, "--version").assertExit(0);
        assertEquals(List.of("thrum 0.1.0"), first.stdout(), first::toString);
        assertTrue(first.err().contains("preparing a faster start"), first::toString);
        assertFalse(Files.exists(opt.resolve("target/cds")), "nothing is written into the installed copy");
        Path cache = thrum.home().resolve("cache/thrum/cds");
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".jsa")).count(), "one archive in " + cache);
        }
        ThrumProcess.Result second = thrum.run(QUICK, "--version").assertExit(0);
        assertEquals(List.of(), second.stderr(), "the archive is reused quietly:\n" + second);
        assertEquals(List.of("thrum 0.1.0"), second.stdout(), second::toString);
    }

    @Test
    void aCopyWithNoWritablePlaceForAnArchiveSaysSoAndRuns(@TempDir Path tmp) throws Exception {
        Path opt = Files.createDirectories(tmp.resolve("opt/thrum"));
        Path launcher = Thrum.installCopy(opt);
        Thrum thrum = Thrum.inNewHome(Files.createDirectories(tmp.resolve("home"))).withLauncher(launcher)
                .env("XDG_CACHE_HOME", opt.resolve("cache").toString()).withReadOnly(opt);
        ThrumProcess.Result r = thrum.run(QUICK, "--version").assertExit(0);
        assertEquals(List.of("thrum 0.1.0"), r.stdout(), r::toString);
        assertTrue(r.err().contains("no start-up archive") && r.err().contains("not writable"), r::toString);
    }
}
