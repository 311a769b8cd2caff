package dev.thrum.it;

import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the packaged product as a user does: {@code ./thrum ARGS} from the project folder (so
 * through the launcher, its build check and its start-up archive), in a child process with a home
 * of its own. Every instance has its own temporary HOME and XDG folders, so tests never touch the
 * user's files; two commands started from one instance share them (a run, then {@code log summary}
 * on the log it wrote). See docs/testing.md for how to write an integration test with it.
 *
 * <pre>{@code
 * Thrum thrum = Thrum.inNewHome(tempDir);
 * ThrumProcess.Result r = thrum.run(Duration.ofSeconds(30), "run", "general-warm-up", "--speedup", "100");
 * r.assertExit(0);
 * try (ThrumProcess daemon = thrum.start("daemon", "--port", "0")) {
 *     String line = daemon.awaitStdout("listening on", Duration.ofSeconds(20));
 * }
 * }</pre>
 */
public final class Thrum {

    /** The project folder: Maven runs the integration tests there. */
    public static final Path PROJECT = ThrumLaunch.PROJECT;

    private final Path home;
    private final Path launcher;
    private final Path workDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> prefix = new ArrayList<>();

    private Thrum(Path home, Path launcher, Path workDir) {
        this.home = home;
        this.launcher = launcher;
        this.workDir = workDir;
    }

    /**
     * Thrum with HOME, XDG_CONFIG_HOME, XDG_DATA_HOME, XDG_STATE_HOME, XDG_CACHE_HOME and
     * XDG_RUNTIME_DIR under {@code home} (created), started from {@code home} as working directory,
     * so the project folder being the current one is not what makes it work.
     */
    public static Thrum inNewHome(Path home) {
        return new Thrum(home, ThrumLaunch.LAUNCHER, home).withXdgDirs();
    }

    /** The same home, with another launcher (for example a copy of the product installed elsewhere). */
    public Thrum withLauncher(Path otherLauncher) {
        Thrum t = new Thrum(home, otherLauncher, workDir);
        t.env.putAll(env);
        t.prefix.addAll(prefix);
        return t;
    }

    /**
     * The product as an installer would lay it out in {@code dir}: the launcher, thrum.jar and
     * lib/, without sources or the Maven Wrapper. Returns the copy's launcher.
     */
    public static Path installCopy(Path dir) throws IOException {
        Path lib = Files.createDirectories(dir.resolve("target/lib"));
        Files.copy(PROJECT.resolve("thrum"), dir.resolve("thrum"));
        Files.copy(PROJECT.resolve("target/thrum.jar"), dir.resolve("target/thrum.jar"));
        try (var jars = Files.list(PROJECT.resolve("target/lib"))) {
            for (Path jar : (Iterable<Path>) jars::iterator) Files.copy(jar, lib.resolve(jar.getFileName()));
        }
        return dir.resolve("thrum");
    }

    /**
     * Commands from the returned Thrum see {@code dir} read-only, as an installed copy in /opt or
     * /usr would be even for root: they run in a private mount namespace ({@code unshare}, from
     * util-linux) where {@code dir} is bound read-only.
     */
    public Thrum withReadOnly(Path dir) {
        requireMountNamespaces();
        Thrum t = withLauncher(launcher);
        t.prefix.addAll(List.of("unshare", "--map-root-user", "--mount", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" && shift && exec \"$@\"",
                "read-only", dir.toString()));
        return t;
    }

    /** Sets (or, with null, removes) an environment variable of the commands started from now on. */
    public Thrum env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Path home() { return home; }

    /** {@code $XDG_CONFIG_HOME/thrum}: settings, profiles, programs, clients, the API token. */
    public Path configDir() { return home.resolve("config/thrum"); }

    /** {@code $XDG_DATA_HOME/thrum}: the usage log. */
    public Path dataDir() { return home.resolve("data/thrum"); }

    private Thrum withXdgDirs() {
        Map<String, String> dirs = Map.of("XDG_CONFIG_HOME", "config", "XDG_DATA_HOME", "data",
                "XDG_STATE_HOME", "state", "XDG_CACHE_HOME", "cache", "XDG_RUNTIME_DIR", "run");
        try {
            for (var e : dirs.entrySet()) {
                Path dir = Files.createDirectories(home.resolve(e.getValue()));
                env.put(e.getKey(), dir.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the test home " + home, e);
        }
        env.put("HOME", home.toString());
        // Should the launcher ever build, the Maven Wrapper finds Maven where the user keeps it.
        env.put("MAVEN_USER_HOME", Path.of(System.getProperty("user.home"), ".m2").toString());
        env.put("THRUM_LOG", null); // the user's diagnostics setting must not change what tests see
        return this;
    }

    // unshare needs util-linux and a kernel that lets this user make a user namespace: a missing
    // one fails the test on CI (CI=true) and skips it loudly elsewhere.
    private static void requireMountNamespaces() {
        String why;
        try {
            Process probe = new ProcessBuilder("unshare", "--map-root-user", "--mount", "true")
                    .redirectErrorStream(true).start();
            String out = new String(probe.getInputStream().readAllBytes());
            if (probe.waitFor() == 0) return;
            why = "unshare cannot make a user and mount namespace here (" + out.strip() + "); allow"
                    + " unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1)";
        } catch (IOException e) {
            why = "unshare is not installed; install util-linux";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted";
        }
        if ("true".equals(System.getenv("CI"))) org.junit.jupiter.api.Assertions.fail(why);
        System.err.println("\n*** SKIPPING a read-only install test: " + why + " ***\n");
        org.junit.jupiter.api.Assumptions.abort(why);
    }

    /** Starts {@code ./thrum args...}; close the process (or await its exit) when done. */
    public ThrumProcess start(String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> environment = pb.environment();
        env.forEach((k, v) -> {
            if (v == null) environment.remove(k); else environment.put(k, v);
        });
        try {
            return new ThrumProcess(String.join(" ", command), pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Runs {@code ./thrum args...} to its end, failing the test if it takes longer than {@code deadline}. */
    public ThrumProcess.Result run(Duration deadline, String... args) {
        try (ThrumProcess p = start(args)) {
            return p.awaitExit(deadline);
        }
    }
}
