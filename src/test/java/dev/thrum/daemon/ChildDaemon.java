package dev.thrum.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code thrum daemon} in a child JVM ({@code dev.thrum.Main daemon ...} on the test
 * classpath), with its XDG directories under a temporary home, on the simulated massager.
 */
final class ChildDaemon implements AutoCloseable {
    static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final int port;
    final Path home;
    final DaemonFiles files;
    final Path dataDir;

    private ChildDaemon(Process process, int port, Path home) {
        this.process = process;
        this.port = port;
        this.home = home;
        this.dataDir = home.resolve("data/thrum");
        this.files = new DaemonFiles(home.resolve("config/thrum/" + DaemonFiles.TOKEN_FILE),
                home.resolve("run/thrum/" + DaemonFiles.STATE_FILE));
    }

    /** Starts the daemon and waits for its "listening" line. Extra arguments go after {@code daemon}. */
    /** The command that starts {@code dev.thrum.Main daemon} in a child JVM on the test class path. */
    static List<String> javaDaemon(List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> daemon = new ArrayList<>(List.of(java));
        daemon.addAll(jvmOptions);
        daemon.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.thrum.Main", "daemon"));
        return daemon;
    }

    static ChildDaemon start(Path home, List<String> jvmOptions, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> daemon = new ArrayList<>(List.of(java));
        daemon.addAll(jvmOptions);
        daemon.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.thrum.Main", "daemon"));
        return start(home, daemon, Map.of(), args);
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
        Map<String, String> env = pb.environment();
        env.putAll(extraEnv);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) { /* keep the pipe from filling */ }
                    } catch (IOException ignored) {
                        // the child ended
                    }
                }, "child-daemon-stdout");
                drain.setDaemon(true);
                drain.start();
                return new ChildDaemon(p, Integer.parseInt(m.group(1)), home);
            }
        }
        p.destroyForcibly();
        throw new IOException("the daemon ended before it listened (exit " + waitQuietly(p) + ")");
    }

    DaemonClient client() throws IOException { return new DaemonClient(port, ApiToken.read(files.tokenFile())); }

    long pid() { return process.pid(); }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
