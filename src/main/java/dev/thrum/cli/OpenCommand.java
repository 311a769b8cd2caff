package dev.thrum.cli;

import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code thrum open}: the web app in the user's browser. Starts the daemon in the background when
 * none runs, asks it for a one-time login link with the API token, and hands that to
 * {@code xdg-open}. The link is printed too, for a browser started by hand.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Opens the Thrum web app in your browser (see docs/web.md).",
                "Starts 'thrum daemon' in the background when none is running, then opens a one-time",
                "login link (it works once, for at most a minute) with xdg-open and prints it.",
                "Exits 1 when the daemon could not be started or reached."})
public final class OpenCommand implements Callable<Integer> {
    /** How long a daemon started here may take to listen (profiles load, the device connects). */
    private static final long START_WAIT_MS = 30_000;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "For a daemon started here: sim, sim:PROFILE, ble, ble:ADDRESS or serial:PATH (default: config.json).")
    String device;

    @Option(names = "--speedup", paramLabel = "X", hidden = true,
            description = "For a daemon started here: run sessions X times faster (simulator only, for demonstrations and tests).")
    Double speedup;

    @Option(names = "--no-browser", description = "Only print the login link; do not run xdg-open.")
    boolean noBrowser;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        DaemonFiles files = DaemonFiles.fromEnvironment();
        Optional<DaemonClient> daemon = DaemonClient.find(files);
        try {
            if (daemon.isEmpty()) {
                Path daemonLog = files.stateFile().resolveSibling("daemon.log");
                out.println("thrum open: starting the daemon in the background (its output goes to " + daemonLog + ")...");
                out.flush();
                daemon = Optional.of(startDaemon(files, daemonLog));
            } else if (device != null) {
                out.println("thrum open: a daemon is already running; --device applies only to a daemon started here");
            }
            DaemonClient.Response link = daemon.get().post("/login-links", "");
            if (!link.ok()) {
                err.println("thrum open: the daemon refused a login link: " + printable(link.errorText()));
                return 1;
            }
            String url = link.body().path("url").asText();
            out.println("Thrum is at http://127.0.0.1:" + daemon.get().port() + "/");
            out.println("Login link (works once, for " + link.body().path("expiresInSeconds").asInt() + " s): " + printable(url));
            out.flush();
            if (!noBrowser) openBrowser(url, out, err);
            return 0;
        } catch (IOException e) {
            err.println("thrum open: " + e.getMessage());
            return 1;
        }
    }

    // setsid puts the daemon in its own session, so closing this terminal does not hang it up.
    private DaemonClient startDaemon(DaemonFiles files, Path daemonLog) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) cmd.add("/usr/bin/setsid");
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(daemonJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.thrum.Main", "daemon"));
        if (device != null) cmd.addAll(List.of("--device", device));
        if (speedup != null) cmd.addAll(List.of("--speedup", speedup.toString()));
        Files.createDirectories(daemonLog.getParent());
        Process p = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(daemonLog.toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MS);
        while (System.nanoTime() < deadline) {
            Optional<DaemonClient> found = DaemonClient.find(files);
            if (found.isPresent()) return found.get();
            try {
                if (p.waitFor(100, TimeUnit.MILLISECONDS) && !setsidForked(cmd, p))
                    throw new IOException("the daemon ended at once (exit " + p.exitValue() + "); see " + daemonLog);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the daemon", e);
            }
        }
        throw new IOException("the daemon did not start listening within " + START_WAIT_MS / 1000 + " s; see " + daemonLog);
    }

    /**
     * The JVM options this command runs with (the launcher's heap, GC and start-up archive), so the
     * daemon starts as {@code thrum daemon} would; agents and debuggers stay with this process.
     */
    static List<String> daemonJvmOptions() {
        List<String> options = new ArrayList<>();
        for (String option : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (option.startsWith("-agent") || option.startsWith("-javaagent") || option.startsWith("-Xrunjdwp")
                    || option.startsWith("-Xdebug")) continue;
            options.add(option);
        }
        if (options.stream().noneMatch(o -> o.startsWith("-Xmx"))) options.addAll(List.of("-XX:+UseSerialGC", "-Xmx256m"));
        return options;
    }

    // setsid forks when it already leads a process group, and its own process then ends at once with 0.
    private static boolean setsidForked(List<String> cmd, Process p) {
        return cmd.get(0).endsWith("setsid") && p.exitValue() == 0;
    }

    // What the daemon answered goes to the terminal without control characters (issue 15 brings a shared helper).
    private static String printable(String text) { return text.replaceAll("\\p{Cntrl}", "?"); }

    private static void openBrowser(String url, java.io.PrintWriter out, java.io.PrintWriter err) {
        try {
            Process p = new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() != 0)
                err.println("thrum open: xdg-open failed (exit " + p.exitValue() + "); paste the login link into your browser");
        } catch (IOException e) {
            err.println("thrum open: could not run xdg-open (" + e.getMessage() + "); paste the login link into your browser");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
