package dev.thrum.it;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's start-up archive: one per JVM, jar and options, made once under a lock, never
 * used by another JVM, and a failure to make one said once and never fatal.
 */
class StartupArchiveIT {

    private static final Duration LAUNCH = Duration.ofSeconds(120);
    private static final String PREPARING = "preparing a faster start";
    /** Another JDK than the one running the tests (JDK 25 on the team's machines). */
    private static final Path OTHER_JDK = Path.of(System.getProperty("thrum.it.otherJdk",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @Test
    void concurrentLaunchesMakeOneArchiveAnotherJdkOrAChangedJarGetsItsOwn(@TempDir Path tmp) throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Thrum thrum = Thrum.inNewHome(Files.createDirectories(tmp.resolve("home")))
                .withLauncher(Thrum.installCopy(copy)).env("JAVA_HOME", System.getProperty("java.home"));
        List<ThrumProcess> launches = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) launches.add(thrum.start("--version"));
            int preparing = 0;
            for (ThrumProcess p : launches) {
                ThrumProcess.Result r = p.awaitExit(LAUNCH).assertExit(0);
                assertEquals(List.of("thrum 0.1.0"), r.stdout(), r::toString);
                if (r.err().contains(PREPARING)) preparing++;
            }
            assertEquals(1, preparing, "exactly one launch makes the archive; the others wait for it");
        } finally {
            launches.forEach(ThrumProcess::close);
        }
        Path cds = copy.resolve("target/cds");
        assertEquals(List.of(".jsa"), suffixes(cds), "one archive and no half-written files");

        // The same modification time, other bytes (a zip comment): the key reads the jar's bytes.
        Path jar = copy.resolve("target/thrum.jar");
        var time = Files.getLastModifiedTime(jar);
        byte[] bytes = Files.readAllBytes(jar);
        assertEquals(0, bytes[bytes.length - 1], "a jar without a zip comment");
        Files.write(jar, withComment(bytes));
        Files.setLastModifiedTime(jar, time);
        ThrumProcess.Result changed = thrum.run(LAUNCH, "--version").assertExit(0);
        assertTrue(changed.err().contains(PREPARING), "a changed jar gets a new archive:\n" + changed);

        requireOtherJdk();
        Thrum other = thrum.env("JAVA_HOME", OTHER_JDK.toString());
        ThrumProcess.Result first = other.run(LAUNCH, "--version").assertExit(0);
        assertTrue(first.err().contains(PREPARING), "another JDK cannot use this archive:\n" + first);
        ThrumProcess.Result again = other.run(LAUNCH, "--version").assertExit(0);
        assertEquals(List.of(), again.stderr(), "its own archive is used quietly (the JVM would complain):\n" + again);
        assertEquals(List.of(".jsa", ".jsa", ".jsa"), suffixes(cds), "one archive per JVM and jar");
        ThrumProcess.Result run = other.run(Duration.ofSeconds(90), "run", "general-warm-up", "--speedup", "200")
                .assertExit(0);
        assertTrue(run.out().contains("finished: completed"), run::toString);
        assertEquals(List.of(), run.stderr(), run::toString);

        ThrumProcess.Result back = thrum.env("JAVA_HOME", System.getProperty("java.home")).run(LAUNCH, "--version")
                .assertExit(0);
        assertFalse(back.err().contains(PREPARING), "the first JVM's archive was kept:\n" + back);
    }

    @Test
    void anArchiveTheJvmCannotMakeIsReportedOnceAndThrumRunsWithoutIt(@TempDir Path tmp) throws Exception {
        // A JDK whose java refuses to dump an archive, as some JVM builds and options do.
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Path java = jdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\ncase \"$*\" in *-Xshare:dump*) echo 'Error: simulated: this JVM"
                + " cannot dump a shared archive' >&2; exit 1;; esac\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path copy = Files.createDirectories(tmp.resolve("copy"));
        Thrum thrum = Thrum.inNewHome(Files.createDirectories(tmp.resolve("home"))).withLauncher(Thrum.installCopy(copy))
                .env("JAVA_HOME", jdk.getParent().toString());
        ThrumProcess.Result first = thrum.run(LAUNCH, "--version").assertExit(0);
        assertEquals(List.of("thrum 0.1.0"), first.stdout(), first::toString);
        assertTrue(first.err().contains("could not make a start-up archive")
                && first.err().contains("simulated: this JVM cannot dump"), first::toString);
        ThrumProcess.Result second = thrum.run(LAUNCH, "--version").assertExit(0);
        assertEquals(List.of(), second.stderr(), "said once:\n" + second);
        assertEquals(List.of("thrum 0.1.0"), second.stdout(), second::toString);
    }

    private static byte[] withComment(byte[] jar) {
        byte[] comment = "x".getBytes();
        byte[] out = java.util.Arrays.copyOf(jar, jar.length + comment.length);
        out[jar.length - 2] = (byte) comment.length; // end-of-central-directory comment length (u16le)
        System.arraycopy(comment, 0, out, jar.length, comment.length);
        return out;
    }

    private static List<String> suffixes(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("thrum-"))
                    .map(n -> n.substring(n.indexOf('.'))).sorted().toList();
        }
    }

    private static void requireOtherJdk() {
        if (Files.isExecutable(OTHER_JDK.resolve("bin/java"))) return;
        String why = "no second JDK at " + OTHER_JDK + " (set -Dthrum.it.otherJdk=PATH to one)";
        if ("true".equals(System.getenv("CI"))) Assertions.fail(why);
        System.err.println("\n*** SKIPPING the other-JDK half of StartupArchiveIT: " + why + " ***\n");
        Assumptions.abort(why);
    }
}
