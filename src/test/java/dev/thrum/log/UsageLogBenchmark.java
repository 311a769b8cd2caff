package dev.thrum.log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Times {@code thrum log summary --by region} over a big generated log beside jq computing the same
 * per-region totals, and prints wall time, CPU time and peak memory of each (best of several runs,
 * since other work on the machine slows single runs down). Not a test: it prints
 * figures. See docs/benchmarks.md for how to run it.
 *
 * <p>Arguments: {@code [RECORDS] [DIR]}, default 1000000 records in target/benchmark.
 */
public final class UsageLogBenchmark {
    static final String JQ_PROGRAM = "reduce (inputs | .steps[] | select(.rest | not)) as $s ({}; "
            + ".[$s.region + \" \" + $s.side] += $s.actualSeconds) | to_entries[] | \"\\(.key) \\(.value / 60)\"";

    record Measured(String what, double seconds, double cpuSeconds, long peakKb, String output) {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        Files.createDirectories(dir);
        Path big = generate(dir, records);
        Path small = generate(dir, records / 10);
        System.out.printf(Locale.ROOT, "log: %s, %d records, %.0f MB; smaller log: %d records, %.0f MB%n", big, records,
                Files.size(big) / 1e6, records / 10, Files.size(small) / 1e6);
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors()
                + ", load average: " + Files.readString(Path.of("/proc/loadavg")).trim());

        List<Measured> rows = new ArrayList<>();
        rows.add(best(3, "thrum, " + records / 10 + " records", thrum(small, null)));
        Measured thrumBig = best(3, "thrum, " + records + " records", thrum(big, null));
        rows.add(thrumBig);
        // The JVM's default heap grows with the amount of garbage made over a run, not with what is
        // kept; a fixed small heap shows what the summary really needs, at both sizes.
        rows.add(best(3, "thrum -Xmx64m, " + records / 10 + " records", thrum(small, "-Xmx64m")));
        rows.add(best(3, "thrum -Xmx64m, " + records + " records", thrum(big, "-Xmx64m")));
        Measured jq = best(2, "jq, " + records + " records", List.of("jq", "-n", "-r", JQ_PROGRAM, big.toString()));
        rows.add(jq);

        System.out.println();
        System.out.println("| run | wall time | CPU time (user + sys) | peak RSS |");
        System.out.println("|---|---:|---:|---:|");
        for (Measured m : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %.0f MB |%n", m.what(), m.seconds(), m.cpuSeconds(),
                    m.peakKb() / 1024.0);
        }
        System.out.printf(Locale.ROOT, "%nOn %d records thrum is %.1f times faster than jq in wall time, %.1f times in CPU time%n",
                records, jq.seconds() / thrumBig.seconds(), jq.cpuSeconds() / thrumBig.cpuSeconds());
        compare(thrumBig.output(), jq.output());
    }

    private static Path generate(Path dir, int records) throws IOException {
        Path file = dir.resolve("usage-log-" + records + ".jsonl");
        if (!Files.exists(file)) {
            System.out.println("generating " + file + " ...");
            LogGenerator.write(file, records, Instant.parse("2016-01-04T08:00:00Z"), Duration.ofDays(3652), 42);
        }
        return file;
    }

    private static List<String> thrum(Path log, String jvmOption) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOption != null) cmd.add(jvmOption);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.thrum.Main",
                "log", "summary", "--by", "region", "--log", log.toString(), "--zone", "UTC"));
        return cmd;
    }

    /** Runs a command {@code times} times; keeps the fastest run (the one least disturbed by other work). */
    private static Measured best(int times, String what, List<String> cmd) throws Exception {
        Measured best = null;
        for (int i = 0; i < times; i++) {
            Measured m = measure(what, cmd);
            System.out.printf(Locale.ROOT, "  %s: %.2f s wall, %.2f s CPU, %.0f MB%n", what, m.seconds(), m.cpuSeconds(),
                    m.peakKb() / 1024.0);
            if (best == null || m.seconds() < best.seconds()) best = m;
        }
        return best;
    }

    /**
     * Wall time from start to exit, CPU time (user + system) and peak RSS. With /usr/bin/time (GNU
     * time) these come from the kernel's account of the finished process; without it, peak RSS is
     * the VmHWM of /proc/PID/status sampled until the process exits, and CPU time is not known.
     */
    private static Measured measure(String what, List<String> cmd) throws Exception {
        Path out = Files.createTempFile("thrum-bench", ".out");
        Path err = Files.createTempFile("thrum-bench", ".err");
        boolean gnuTime = Files.isExecutable(Path.of("/usr/bin/time"));
        List<String> full = new ArrayList<>();
        if (gnuTime) full.addAll(List.of("/usr/bin/time", "-f", "BENCH %e %U %S %M"));
        full.addAll(cmd);
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(full).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = 0;
            while (p.isAlive()) {
                if (!gnuTime) peak = Math.max(peak, vmHwm(status));
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = Double.NaN;
            String errText = Files.readString(err);
            if (p.exitValue() != 0) throw new IllegalStateException(what + " failed: " + errText);
            for (String line : errText.split("\n")) {
                if (line.startsWith("BENCH ")) {
                    String[] f = line.split(" ");
                    seconds = Double.parseDouble(f[1]);
                    cpu = Double.parseDouble(f[2]) + Double.parseDouble(f[3]);
                    peak = Long.parseLong(f[4]);
                }
            }
            return new Measured(what, seconds, cpu, peak, Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static long vmHwm(Path status) {
        try (InputStream in = Files.newInputStream(status)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between the check and the read
        }
        return 0;
    }

    /** Checks that both tools found the same minutes per region and side. */
    private static void compare(String thrumOut, String jqOut) {
        Map<String, Double> t = new TreeMap<>(), j = new TreeMap<>();
        boolean table = false;
        for (String line : thrumOut.split("\n")) {
            if (line.startsWith("region ")) { table = true; continue; }
            if (table && line.isBlank()) break;
            if (table) {
                String[] f = line.trim().split("\\s+");
                t.put(f[0] + " " + (f[1].equals("-") ? "none" : f[1]), Double.parseDouble(f[2]));
            }
        }
        for (String line : jqOut.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) j.put(f[0] + " " + f[1], Double.parseDouble(f[2]));
        }
        boolean same = t.keySet().equals(j.keySet());
        for (String k : t.keySet()) same &= j.containsKey(k) && Math.abs(t.get(k) - j.get(k)) < 0.051;
        System.out.println(same ? "thrum and jq agree on all " + t.size() + " region/side totals"
                : "MISMATCH between thrum and jq:\n thrum " + t + "\n jq    " + j);
    }
}
