package dev.thrum.daemon;

import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.transport.sim.ReceivedFrame;
import dev.thrum.transport.sim.ReceivedFrameJson;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints the daemon's figures (not a test; surefire skips *Benchmark). Each figure uses a real
 * {@code thrum daemon} child process on the simulated massager, started as users start it: through
 * the {@code ./thrum} launcher (the jar and its class-data-sharing archive) when run from the
 * repository root, with {@code -Dthrum.bench.jvm} passed as {@code THRUM_JAVA_OPTS}:
 * <ol>
 *   <li>start to API ready: process start until {@code GET /devices} answers 200, median of 10;</li>
 *   <li>resident memory when idle with the device connected (VmRSS from /proc);</li>
 *   <li>CPU time used over 60 idle seconds (utime + stime from /proc/PID/stat);</li>
 *   <li>emergency stop latency: from just before {@code POST /stop} to the moment the simulator
 *       received the stop frame (its frame record), p50 and p99 over 1,000 stops.</li>
 * </ol>
 * Run: {@code mvn -o -q test-compile && java -cp "$(cat target/cp.txt):target/classes:target/test-classes" dev.thrum.daemon.DaemonBenchmark}
 * (write target/cp.txt with {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 * Optional argument: idle seconds for the CPU figure (default 60).
 */
public final class DaemonBenchmark {
    /** JVM options for the daemon processes, from -Dthrum.bench.jvm="-Xmx48m -XX:+UseSerialGC" (default: none). */
    private static final long MIN_GAP_MS = 50; // theragun-gen4 pacing.minGapMs

    private static final List<String> JVM = System.getProperty("thrum.bench.jvm", "").isBlank() ? List.of()
            : List.of(System.getProperty("thrum.bench.jvm").trim().split("\\s+"));

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        String parts = args.length > 1 ? args[1] : "ready,idle,stop";
        Path home = Files.createTempDirectory("thrum-daemon-bench");
        System.out.println("Daemon benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.version") + ", daemon started through "
                + (Files.isExecutable(Path.of("thrum")) ? "./thrum" : "java -cp (no ./thrum here)") + ", JVM options: " + (JVM.isEmpty() ? "none" : String.join(" ", JVM)) + ")");
        if (parts.contains("ready")) {
            startToReady(home);
            inProcessStartToReady(home);
        }
        if (parts.contains("idle")) idle(home, idleSeconds);
        if (parts.contains("stop")) stopLatency(home.resolve("stops"), 1000);
    }

    /** A daemon as users start it: through the launcher when there is one (the jar and its start-up archive). */
    private static ChildDaemon startDaemon(Path home, String... args) throws IOException {
        Path launcher = ThrumLaunch.LAUNCHER;
        if (!Files.isExecutable(launcher)) return ChildDaemon.start(home, JVM, args);
        return ChildDaemon.start(home, List.of(launcher.toString(), "daemon"),
                JVM.isEmpty() ? java.util.Map.of() : java.util.Map.of("THRUM_JAVA_OPTS", String.join(" ", JVM)), args);
    }

    private static void idle(Path home, int idleSeconds) throws Exception {
        try (ChildDaemon d = startDaemon(home.resolve("idle"), "--device", "sim")) {
            Thread.sleep(5000); // let start-up work (JIT, class loading) settle
            System.out.printf(Locale.ROOT, "idle resident memory (VmRSS): %.1f MB%n", rssKb(d.pid()) / 1024.0);
            long before = cpuTicks(d.pid());
            long simBefore = simThreadTicks(d.pid());
            Thread.sleep(idleSeconds * 1000L);
            long ticks = cpuTicks(d.pid()) - before;
            long simTicks = simThreadTicks(d.pid()) - simBefore;
            double cpuSeconds = ticks / 100.0; // USER_HZ is 100 on Linux
            double simSeconds = simTicks / 100.0;
            System.out.printf(Locale.ROOT, "idle CPU over %d s: %.2f s (%.2f%% of one core); of which the simulated massager's own thread: %.2f s; daemon without it: %.2f s%n",
                    idleSeconds, cpuSeconds, 100 * cpuSeconds / idleSeconds, simSeconds, cpuSeconds - simSeconds);
            System.out.printf(Locale.ROOT, "resident memory after the idle period: %.1f MB%n", rssKb(d.pid()) / 1024.0);
        }
    }

    /** CPU ticks of the threads named sim-* (the simulator's 10 ms tick thread, which a real device does not have). */
    private static long simThreadTicks(long pid) throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (!Files.readString(t.resolve("comm")).startsWith("sim-")) continue;
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return sum;
    }

    /**
     * Start to ready the way users start the daemon: the launcher ({@code ./thrum daemon}, jar plus
     * its class-data-sharing archive, JVM options as the systemd unit sets them) and, for comparison,
     * a plain {@code java -cp classes} start without the archive.
     */
    private static void startToReady(Path home) throws Exception {
        Path launcher = ThrumLaunch.LAUNCHER;
        if (Files.isExecutable(launcher)) {
            // one start to let the launcher build the jar and the archive if they are stale
            timeToReady(home.resolve("launcher-prepare"), List.of(launcher.toString(), "daemon"), Duration.ofMinutes(5));
            report("launcher (./thrum daemon: jar + CDS archive" + (JVM.isEmpty() ? "" : ", THRUM_JAVA_OPTS") + ")",
                    home, List.of(launcher.toString(), "daemon"));
        } else {
            System.out.println("(no ./thrum in " + launcher.getParent() + ": run from the repository root for the launcher figure)");
        }
        List<String> plain = ThrumLaunch.onClassPath(JVM, "daemon");
        report("plain JVM (java -cp classes, no archive)", home, plain);
    }

    private static void report(String label, Path home, List<String> command) throws Exception {
        double[] ms = new double[10];
        for (int i = 0; i < ms.length; i++)
            ms[i] = timeToReady(home.resolve(label.hashCode() + "-" + i), command, Duration.ofSeconds(60));
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "start to API ready, %s (sim device, GET /devices = 200): median %.0f ms, min %.0f, max %.0f%n",
                label, (sorted[4] + sorted[5]) / 2, sorted[0], sorted[9]);
    }

    /**
     * Starts {@code command daemon-args} in fresh XDG directories and returns the ms until {@code GET /devices}
     * answered 200. The request goes out as soon as the daemon prints its listening line; waiting on that
     * line instead of polling keeps the benchmark from taking CPU from the daemon it measures.
     */
    private static double timeToReady(Path h, List<String> command, Duration limit) throws Exception {
        Files.createDirectories(h.resolve("run"));
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("--device", "sim", "--port", "0"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("XDG_CONFIG_HOME", h.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", h.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", h.resolve("run").toString());
        if (!JVM.isEmpty()) pb.environment().put("THRUM_JAVA_OPTS", String.join(" ", JVM));
        long t0 = System.nanoTime();
        Process p = pb.start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) p.destroyForcibly();
            } catch (InterruptedException ignored) {
                // the measurement ended first
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                var m = ChildDaemon.LISTENING.matcher(line);
                if (!m.find()) continue;
                int status = new DaemonClient(Integer.parseInt(m.group(1)), ApiToken.read(h.resolve("config/thrum/api-token")))
                        .get("/devices").status();
                if (status != 200) throw new IOException(command + ": GET /devices answered " + status);
                return (System.nanoTime() - t0) / 1e6;
            }
            throw new IOException(command + " ended (or took longer than " + limit + ") before it listened");
        } finally {
            watchdog.interrupt();
            p.destroy();
            p.waitFor();
        }
    }

    /** The daemon's own start (profiles, device connect, API) without the JVM's: in this process, fresh directories each time. */
    private static void inProcessStartToReady(Path home) throws Exception {
        double[] ms = new double[10];
        for (int i = 0; i < ms.length; i++) {
            Path h = home.resolve("in-process-" + i);
            var dirs = dev.thrum.store.ThrumDirs.from(java.util.Map.of(), h);
            var options = new DaemonAssembly.Options(new DaemonSettings(new dev.thrum.app.DeviceSpec.Sim(null), 0, 1), dirs,
                    DaemonFiles.from(dirs, java.util.Map.of()), null, Duration.ofSeconds(15), Duration.ofSeconds(120));
            long t0 = System.nanoTime();
            try (Daemon d = DaemonAssembly.open(options)) {
                if (new DaemonClient(d.port(), d.token()).get("/devices").status() != 200) throw new IllegalStateException("not ready");
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double first = ms[0];
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "start to API ready inside a running JVM (DaemonAssembly.open to GET /devices = 200): first (cold) %.0f ms, median of 10 %.0f ms%n",
                first, (sorted[4] + sorted[5]) / 2);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(ThrumLaunch.onClassPath(List.of(), "--version"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        p.waitFor();
        System.out.printf(Locale.ROOT, "for comparison, 'thrum --version' in a new JVM on this machine: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
    }

    private static void stopLatency(Path home, int n) throws Exception {
        Path record = home.resolve("frames.jsonl");
        try (ChildDaemon d = startDaemon(home, "--device", "sim", "--sim-record", record.toString());
             RandomAccessFile tail = new RandomAccessFile(waitFor(record).toFile(), "r")) {
            DaemonClient c = d.client();
            for (int i = 0; i < 50; i++) { // warm up both JVMs
                c.emergencyStop();
                Thread.sleep(20);
            }
            Thread.sleep(200);
            java.util.Random random = new java.util.Random(7);
            tail.seek(tail.length());
            double[] ms = new double[n];
            double[] answered = new double[n];
            List<Double> free = new ArrayList<>();
            int gapBound = 0;
            Instant[] previous = {null};
            for (int i = 0; i < n; i++) {
                // spaced like real presses; a stop inside the profile's minimum gap (50 ms for the Theragun
                // profile) goes out at once and is repeated 50 ms later, before the next press
                Thread.sleep(60 + random.nextInt(40));
                Instant t0 = Instant.now();
                long n0 = System.nanoTime();
                DaemonClient.Response r = c.emergencyStop();
                answered[i] = (System.nanoTime() - n0) / 1e6;
                if (!r.ok()) throw new IllegalStateException(r.errorText());
                Instant at = nextStop(tail, t0, previous);
                ms[i] = Duration.between(t0, at).toNanos() / 1e6;
                // the frame before this stop (a status poll, the previous stop) was written less than the gap ago
                if (previous[0] != null && Duration.between(previous[0], t0).toMillis() < MIN_GAP_MS) gapBound++;
                else free.add(ms[i]);
                previous[0] = at;
            }
            Arrays.sort(ms);
            Arrays.sort(answered);
            double[] f = free.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "emergency stop, API call to stop frame at the simulator (%d stops): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    n, ms[n / 2], ms[(int) Math.ceil(n * 0.99) - 1], ms[n - 1]);
            System.out.printf(Locale.ROOT, "  %d of them came less than the profile's %d ms gap after the previous frame (a status poll or the previous stop's repeat);%n"
                    + "  the other %d: p50 %.2f ms, p99 %.2f ms%n", gapBound, MIN_GAP_MS, f.length, f[f.length / 2],
                    f[Math.max(0, (int) Math.ceil(f.length * 0.99) - 1)]);
            System.out.printf(Locale.ROOT, "emergency stop, API call to its answer: p50 %.2f ms, p99 %.2f ms%n",
                    answered[n / 2], answered[(int) Math.ceil(n * 0.99) - 1]);
        }
    }

    private static Path waitFor(Path file) throws Exception {
        for (int i = 0; i < 500 && !Files.exists(file); i++) Thread.sleep(10);
        if (!Files.exists(file)) Files.createFile(file);
        return file;
    }

    /**
     * The next stop frame in the simulator's record received at or after {@code after}; {@code previous[0]}
     * is updated to the last frame received before {@code after}.
     */
    private static Instant nextStop(RandomAccessFile tail, Instant after, Instant[] previous) throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        StringBuilder partial = new StringBuilder();
        while (System.nanoTime() < end) {
            String line = readLine(tail, partial);
            if (line == null) {
                Thread.onSpinWait();
                continue;
            }
            ReceivedFrame f = ReceivedFrameJson.parse(line);
            if (f.at().isBefore(after)) previous[0] = f.at();
            if (f.command().map(cmd -> cmd.templateName().equals("stop")).orElse(false) && !f.at().isBefore(after))
                return f.at();
        }
        throw new IllegalStateException("no stop frame reached the simulator within 2 s");
    }

    private static String readLine(RandomAccessFile f, StringBuilder partial) throws IOException {
        while (true) {
            int b = f.read();
            if (b < 0) return null;
            if (b == '\n') {
                String s = new String(partial.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                partial.setLength(0);
                return s;
            }
            partial.append((char) b);
        }
    }

    static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        throw new IOException("no VmRSS for " + pid);
    }

    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }
}
