package dev.thrum.daemon;

import dev.thrum.testkit.DaemonChild;
import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real {@code thrum daemon} in a child JVM ({@code dev.thrum.Main daemon ...} on the test
 * classpath, see {@link ThrumLaunch}), with its XDG directories under a temporary home, on the
 * simulated massager: a {@link DaemonChild} plus where its files are.
 */
final class ChildDaemon implements AutoCloseable {
    static final Pattern LISTENING = DaemonChild.LISTENING;

    final Process process;
    final int port;
    final Path home;
    final DaemonFiles files;
    final Path dataDir;
    private final DaemonChild child;

    private ChildDaemon(DaemonChild child, Path home) {
        this.child = child;
        this.process = child.process;
        this.port = child.port;
        this.home = home;
        this.dataDir = home.resolve("data/thrum");
        this.files = new DaemonFiles(home.resolve("config/thrum/" + DaemonFiles.TOKEN_FILE),
                home.resolve("run/thrum/" + DaemonFiles.STATE_FILE));
    }

    /** The command that starts {@code dev.thrum.Main daemon} in a child JVM on the test class path. */
    static List<String> javaDaemon(List<String> jvmOptions) {
        return ThrumLaunch.onClassPath(jvmOptions, "daemon");
    }

    /** Starts the daemon and waits for its "listening" line. Extra arguments go after {@code daemon}. */
    static ChildDaemon start(Path home, List<String> jvmOptions, String... args) throws IOException {
        return start(home, javaDaemon(jvmOptions), Map.of(), args);
    }

    /**
     * Starts {@code daemonCommand} (which ends in {@code daemon}, for example the {@code ./thrum}
     * launcher, which execs the JVM in its own process) with extra environment variables.
     */
    static ChildDaemon start(Path home, List<String> daemonCommand, Map<String, String> extraEnv, String... args) throws IOException {
        return start(home, daemonCommand, extraEnv, null, args);
    }

    /** Like {@link #start(Path, List, Map, String...)}, with the daemon's log (stderr) going to {@code stderrFile}. */
    static ChildDaemon start(Path home, List<String> daemonCommand, Map<String, String> extraEnv, Path stderrFile,
                             String... args) throws IOException {
        List<String> cmd = new ArrayList<>(daemonCommand);
        cmd.addAll(List.of("--port", "0"));
        cmd.addAll(List.of(args));
        Files.createDirectories(home.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderrFile == null ? ProcessBuilder.Redirect.INHERIT
                : ProcessBuilder.Redirect.appendTo(stderrFile.toFile()));
        pb.environment().putAll(extraEnv);
        pb.environment().putAll(ThrumLaunch.privateHome(home));
        return new ChildDaemon(DaemonChild.start(pb), home);
    }

    DaemonClient client() throws IOException { return new DaemonClient(port, ApiToken.read(files.tokenFile())); }

    long pid() { return process.pid(); }

    @Override
    public void close() {
        child.close();
    }
}
