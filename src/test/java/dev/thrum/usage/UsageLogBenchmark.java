package dev.thrum.usage;

import dev.thrum.testkit.ThrumLaunch;

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
 * Times {@code thrum log summary --by region} over a big generated log beside DuckDB (through its
 * JDBC driver, {@link DuckDbRegionMinutes}) and jq computing the same per-region totals, and prints
 * wall time, CPU time and peak memory of each (the median of several runs, since other work on the
 * machine slows single runs down). Thrum runs twice over: with its quick parser, and on Jackson's
 * streaming parser alone ({@code -Dthrum.usage.jacksonOnly=true}). Not a test: it prints figures
 * and checks that every answer agrees. See docs/benchmarks.md for how to run it.
 *
 * <p>Arguments: {@code [RECORDS] [DIR] [--no-jq]}, default 300000 records in target/benchmark.
 */
public final class UsageLogBenchmark {
    static final String JQ_PROGRAM = "reduce (inputs | .steps[] | select(.rest | not)) as $s ({}; "
            + ".[$s.region + \" \" + $s.side] += $s.actualSeconds) | to_entries[] | \"\\(.key) \\(.value / 60)\"";
    private static final String JACKSON_ONLY = "-D" + LogReader.JACKSON_ONLY_PROPERTY + "=true";
    /** The summary without its quick path: every line through the record parsers (FastRecordParser, Jackson). */
    private static final String SUMMARY_RECORDS = "-Dthrum.usage.summaryRecords=true";
    private static final int RUNS = 3;

    record Measured(String what, double seconds, double cpuSeconds, long peakKb, String output) {}

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/benchmark");
        boolean withJq = !List.of(args).contains("--no-jq");
        Files.createDirectories(dir);
        Path big = generate(dir, records);
        Path small = generate(dir, records / 10);
        System.out.printf(Locale.ROOT, "log: %s, %d records, %.0f MB; smaller log: %d records, %.0f MB%n", big, records,
                Files.size(big) / 1e6, records / 10, Files.size(small) / 1e6);
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors()
                + ", load average before: " + loadAverage());

        String n = String.format(Locale.ROOT, "%,d records", records), n10 = String.format(Locale.ROOT, "%,d records", records / 10);
        List<Measured> rows = new ArrayList<>();
        // first the product as users run it: the ./thrum launcher with its JVM options and start-up archive
        Measured launcher = median("./thrum launcher (as users run it), " + n, ThrumLaunch.packaged(
                "log", "summary", "--by", "region", "--log", big.toString(), "--zone", "UTC"));
        Measured quick = median("thrum on the class path (summary quick path), " + n, thrum(big));
        Measured recordParsers = median("thrum (record parsers, no summary quick path), " + n, thrum(big, SUMMARY_RECORDS));
        Measured jackson = median("thrum (Jackson streaming only), " + n, thrum(big, JACKSON_ONLY));
        Measured duck = median("DuckDB " + duckDbVersion() + " (JDBC, read_ndjson), " + n, duckDb(big));
        rows.addAll(List.of(launcher, quick, recordParsers, jackson, duck));
        // The JVM's default heap grows with the amount of garbage made over a run, not with what is
        // kept; a fixed small heap shows what the summary really needs, at both sizes.
        rows.add(median("thrum (quick parser) -Xmx64m, " + n10, thrum(small, "-Xmx64m")));
        rows.add(median("thrum (quick parser) -Xmx64m, " + n, thrum(big, "-Xmx64m")));
        rows.add(median("thrum (Jackson streaming only) -Xmx64m, " + n10, thrum(small, "-Xmx64m", JACKSON_ONLY)));
        rows.add(median("thrum (Jackson streaming only) -Xmx64m, " + n, thrum(big, "-Xmx64m", JACKSON_ONLY)));
        Measured jq = null;
        if (withJq) {
            jq = measure("jq, " + n, List.of("jq", "-n", "-r", JQ_PROGRAM, big.toString()));
            print(jq);
            rows.add(jq);
        }

        System.out.println();
        System.out.println("load average after: " + loadAverage());
        System.out.println("| run | wall time | CPU time (user + sys) | peak RSS |");
        System.out.println("|---|---:|---:|---:|");
        for (Measured m : rows) {
            System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | %.0f MB |%n", m.what(), m.seconds(), m.cpuSeconds(),
                    m.peakKb() / 1024.0);
        }
        System.out.printf(Locale.ROOT, "%nOn %d records: ./thrum / DuckDB = %.2f (wall), %.2f (CPU); "
                        + "class-path thrum / DuckDB = %.2f (wall), %.2f (CPU); Jackson-only thrum / DuckDB = %.2f (wall), "
                        + "%.2f (CPU) (below 1: thrum is ahead)%n",
                records, launcher.seconds() / duck.seconds(), launcher.cpuSeconds() / duck.cpuSeconds(),
                quick.seconds() / duck.seconds(), quick.cpuSeconds() / duck.cpuSeconds(),
                jackson.seconds() / duck.seconds(), jackson.cpuSeconds() / duck.cpuSeconds());
        Map<String, Double> expected = thrumTotals(quick.output());
        boolean agree = agrees("thrum (Jackson streaming only)", thrumTotals(jackson.output()), expected)
                & agrees("DuckDB", lineTotals(duck.output()), expected);
        if (jq != null) agree &= agrees("jq", lineTotals(jq.output()), expected);
        agree &= agrees("thrum (record parsers)", thrumTotals(recordParsers.output()), expected);
        agree &= agrees("./thrum launcher", thrumTotals(launcher.output()), expected);
        agree &= agrees(rows.get(6).what(), thrumTotals(rows.get(6).output()), expected)
                & agrees(rows.get(8).what(), thrumTotals(rows.get(8).output()), expected)
                & agrees(rows.get(7).what(), thrumTotals(rows.get(7).output()), thrumTotals(rows.get(5).output()));
        System.out.println(agree ? "all answers agree on all " + expected.size() + " region/side totals" : "ANSWERS DIFFER");
        if (!agree) System.exit(1);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private static String duckDbVersion() throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            return c.getMetaData().getDatabaseProductVersion();
        }
    }

    private static Path generate(Path dir, int records) throws IOException {
        Path file = dir.resolve("usage-log-" + records + ".jsonl");
        if (!Files.exists(file)) {
            System.out.println("generating " + file + " ...");
            LogGenerator.write(file, records, Instant.parse("2016-01-04T08:00:00Z"), Duration.ofDays(3652), 42);
        }
        return file;
    }

    private static List<String> thrum(Path log, String... jvmOptions) {
        return ThrumLaunch.onClassPath(List.of(jvmOptions),
                "log", "summary", "--by", "region", "--log", log.toString(), "--zone", "UTC");
    }

    private static List<String> duckDb(Path log) {
        return ThrumLaunch.mainOnClassPath(DuckDbRegionMinutes.class.getName(), List.of(), log.toString());
    }

    /** Runs a command {@value #RUNS} times; keeps the run with the median wall time. */
    private static Measured median(String what, List<String> cmd) throws Exception {
        List<Measured> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            Measured m = measure(what, cmd);
            print(m);
            runs.add(m);
        }
        runs.sort(java.util.Comparator.comparingDouble(Measured::seconds));
        return runs.get(RUNS / 2);
    }

    private static void print(Measured m) {
        System.out.printf(Locale.ROOT, "  %s: %.2f s wall, %.2f s CPU, %.0f MB%n", m.what(), m.seconds(), m.cpuSeconds(),
                m.peakKb() / 1024.0);
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

    /** Minutes per "REGION SIDE" from thrum's by-region table (side "-" is "none"). */
    private static Map<String, Double> thrumTotals(String out) {
        Map<String, Double> totals = new TreeMap<>();
        boolean table = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("region ")) { table = true; continue; }
            if (table && line.isBlank()) break;
            if (table) {
                String[] f = line.trim().split("\\s+");
                totals.put(f[0] + " " + (f[1].equals("-") ? "none" : f[1]), Double.parseDouble(f[2]));
            }
        }
        return totals;
    }

    /** Minutes per "REGION SIDE" from "REGION SIDE MINUTES" lines (jq, DuckDB). */
    private static Map<String, Double> lineTotals(String out) {
        Map<String, Double> totals = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3) totals.put(f[0] + " " + f[1], Double.parseDouble(f[2]));
        }
        return totals;
    }

    /** Whether {@code other} found the same minutes as thrum (which prints one decimal). */
    private static boolean agrees(String who, Map<String, Double> other, Map<String, Double> thrum) {
        boolean same = !thrum.isEmpty() && thrum.keySet().equals(other.keySet());
        for (String k : thrum.keySet()) same &= other.containsKey(k) && Math.abs(thrum.get(k) - other.get(k)) < 0.051;
        if (!same) System.out.println("MISMATCH between thrum and " + who + ":\n thrum " + thrum + "\n " + who + " " + other);
        return same;
    }
}
