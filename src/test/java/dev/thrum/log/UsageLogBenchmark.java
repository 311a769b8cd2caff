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
 * per-region totals, and prints wall time and peak memory (VmHWM) of each. Not a test: it prints
 * figures. See docs/benchmarks.md for how to run it.
 *
 * <p>Arguments: {@code [RECORDS] [DIR]}, default 1000000 records in target/benchmark.
 */
public final class UsageLogBenchmark {
    static final String JQ_PROGRAM = "reduce (inputs | .steps[] | select(.rest | not)) as $s ({}; "
            + ".[$s.region + \" \" + $s.side] += $s.actualSeconds) | to_entries[] | \"\\(.key) \\(.value / 60)\"";

    record Measured(String what, double seconds, long peakKb, String output) {}

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
        rows.add(best(3, "thrum -Xmx64m, " + records + " records", thrum(big, "-Xmx64m")));
        Measured jq = best(1, "jq, " + records + " records", List.of("jq", "-n", "-r", JQ_PROGRAM, big.toString()));
        rows.add(jq);

        System.out.println();
        System.out.println("| run | wall time | peak RSS (VmHWM) |");
        System.out.println("|---|---:|---:|");
        for (Measured m : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.0f MB |%n", m.what(), m.seconds(), m.peakKb() / 1024.0);
        }
        System.out.printf(Locale.ROOT, "%nthrum is %.1f times faster than jq on %d records%n", jq.seconds() / thrumBig.seconds(), records);
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
            System.out.printf(Locale.ROOT, "  %s: %.2f s, %.0f MB%n", what, m.seconds(), m.peakKb() / 1024.0);
            if (best == null || m.seconds() < best.seconds()) best = m;
        }
        return best;
    }

    /** Wall time from start to exit; peak RSS is the VmHWM of the process, sampled until it exits. */
    private static Measured measure(String what, List<String> cmd) throws Exception {
        Path out = Files.createTempFile("thrum-bench", ".out");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = 0;
            while (p.isAlive()) {
                peak = Math.max(peak, vmHwm(status));
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (p.exitValue() != 0) throw new IllegalStateException(what + " failed: " + Files.readString(out));
            return new Measured(what, seconds, peak, Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
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
