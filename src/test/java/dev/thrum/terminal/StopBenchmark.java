package dev.thrum.terminal;

import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.testkit.DaemonChild;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@code thrum stop} takes, wall clock, against a bare {@code java} hello world on the
 * same machine (goal: within 2x), and how soon after the daemon received the request the stop
 * frame was written (goal: 20 ms). Runs the packaged jar ({@code ./mvnw package} first) with the
 * launcher's start-up archive when it exists, as {@code ./thrum} would. Not a test: it prints
 * figures (docs/benchmarks.md). Run: {@code java -cp target/test-classes:target/thrum.jar dev.thrum.terminal.StopBenchmark}
 */
public final class StopBenchmark {
    private static final Pattern MILLIS = Pattern.compile("written ([0-9.]+) ms");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        Path home = Files.createTempDirectory("thrum-stop-bench");
        String java = ThrumLaunch.java();
        Path hello = writeHello(home);
        Path jar = Path.of("target", "thrum.jar").toAbsolutePath();
        Path jsa = Path.of("target", "thrum.jsa").toAbsolutePath();
        List<String> thrum = new ArrayList<>(List.of(java));
        if (Files.isRegularFile(jsa)) thrum.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        thrum.addAll(List.of("-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString()));
        ThrumCommandLine env = new ThrumCommandLine(home);
        System.setProperty("thrum.jar", jar.toString());
        try (DaemonChild daemon = env.startDaemon()) {
            double[] helloMs = new double[rounds], stopMs = new double[rounds], frameMs = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                helloMs[i] = time(List.of(java, "-XX:+UseSerialGC", "-cp", hello.toString(), "Hello"), env, null);
                List<String> cmd = new ArrayList<>(thrum);
                cmd.add("stop");
                StringBuilder out = new StringBuilder();
                stopMs[i] = time(cmd, env, out);
                Matcher m = MILLIS.matcher(out);
                if (!m.find()) throw new IllegalStateException("thrum stop said: " + out);
                frameMs[i] = Double.parseDouble(m.group(1));
            }
            double h = median(helloMs), s = median(stopMs), f = median(frameMs);
            System.out.printf(Locale.ROOT, "java hello world:  median %.0f ms wall (%d runs)%n", h, rounds);
            System.out.printf(Locale.ROOT, "thrum stop:        median %.0f ms wall, %.1fx hello world (goal 2x)%s%n", s, s / h,
                    Files.isRegularFile(jsa) ? ", with the start-up archive" : ", no start-up archive (run ./thrum once)");
            System.out.printf(Locale.ROOT, "stop frame:        median %.1f ms, max %.1f ms after the daemon received it (goal 20 ms)%n",
                    f, Arrays.stream(frameMs).max().orElse(0));
        }
    }

    private static double time(List<String> cmd, ThrumCommandLine env, StringBuilder out) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env.environment());
        long t0 = System.nanoTime();
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long t1 = System.nanoTime();
        if (exit != 0) throw new IllegalStateException(cmd + " failed: " + text);
        if (out != null) out.append(text);
        return (t1 - t0) / 1e6;
    }

    private static Path writeHello(Path dir) throws IOException, InterruptedException {
        Path src = dir.resolve("Hello.java");
        Files.writeString(src, "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        Process javac = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-d", dir.toString(), src.toString()).inheritIO().start();
        if (javac.waitFor() != 0) throw new IllegalStateException("javac failed");
        return dir;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
