package dev.thrum;

import dev.thrum.app.DeviceSpec;
import dev.thrum.cli.ThrumCommand;
import dev.thrum.daemon.Daemon;
import dev.thrum.daemon.DaemonAssembly;
import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonFiles;
import dev.thrum.daemon.DaemonSettings;
import dev.thrum.store.ThrumDirs;
import dev.thrum.quick.QuickStatus;
import dev.thrum.quick.QuickStop;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The training run for the launcher's class-data-sharing archives ({@code target/cds/}, one per
 * JVM, jar and options; docs/packaging.md): the launcher runs this once after each build (and for
 * each further JVM) with {@code -XX:DumpLoadedClassList}, then has the JVM
 * save every listed class, already parsed and verified, in a static archive ({@code -Xshare:dump}).
 * Later starts map that archive instead of loading the classes from the jar one by one, which took
 * the daemon's time to ready from about 660 to 450 ms (docs/benchmarks.md).
 * <p>
 * It walks the paths whose start-up time users feel: the whole command tree and its help, and a
 * daemon on the simulated massager in throw-away directories that answers the API, takes the
 * short {@code thrum stop} path ({@link QuickStop}), starts a session and takes an emergency stop. Nothing outside its temporary directory is read or written, except
 * device profiles in the working directory, which every Thrum command reads.
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("thrum-startup-training");
        try {
            List<Integer> statuses = run(home);
            System.out.println("thrum startup training: API answered " + statuses);
        } finally {
            deleteTree(home);
        }
    }

    /** Runs the training in {@code home}; returns the HTTP status of each API call, in order. */
    static List<Integer> run(Path home) throws IOException {
        var cli = ThrumCommand.commandLine();
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        cli.usage(new PrintWriter(Writer.nullWriter()));
        cli.getSubcommands().values().forEach(sub -> sub.usage(new PrintWriter(Writer.nullWriter())));

        ThrumDirs dirs = ThrumDirs.from(Map.of(), home);
        var options = new DaemonAssembly.Options(new DaemonSettings(new DeviceSpec.Sim(null), 0, 1), dirs,
                DaemonFiles.from(dirs, Map.of()), null, Duration.ofSeconds(15), Duration.ofSeconds(120));
        try (Daemon daemon = DaemonAssembly.open(options)) {
            DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
            // 'thrum stop' takes its own short path from Main (QuickStop): train those classes too
            if (Main.EARLY_PROFILE_COMMANDS.isEmpty()) throw new IllegalStateException("Main did not load");
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            int quickStop = QuickStop.run(options.files(), quiet, quiet) == 0
                    && QuickStatus.run(options.files(), quiet, quiet) == 0 ? 200 : 500;
            return List.of(quickStop,
                    client.get("/devices").status(),
                    client.get("/programs").status(),
                    client.get("/clients").status(),
                    client.post("/sessions", "{\"program\":\"general-warm-up\"}").status(),
                    client.get("/session").status(),
                    client.emergencyStop().status(),
                    client.get("/log/summary?by=region").status());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
