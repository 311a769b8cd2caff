package dev.thrum.daemon;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints what 1,000 slow connections cost the daemon (not a test; surefire skips *Benchmark): API
 * threads, all threads, resident memory, the time a real request takes beside them, and how many
 * the server still holds after its request-time limit. The audit measured about 1,019 threads and
 * 360 MB before the limits (issue 13, item 21).
 * Run: {@code java -cp "$(cat target/cp.txt):target/classes:target/test-classes" dev.thrum.daemon.ApiConnectionsBenchmark [connections]}
 */
public final class ApiConnectionsBenchmark {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path home = Files.createTempDirectory("thrum-bench");
        Daemon daemon = TestDaemons.start(home, new FakeSessionHost(), (program, c, confirmed) -> TestPlans.twoSteps(program));
        DaemonClient client = new DaemonClient(daemon.port(), daemon.token());
        client.get("/session");
        report("before", client);
        try (SlowClients idle = SlowClients.open(daemon.port(), n, 0)) {
            report(n + " silent connections open", client);
        }
        try (SlowClients slow = SlowClients.open(daemon.port(), 0, n)) {
            report(n + " half-sent requests open", client);
            long t0 = System.nanoTime();
            while (!served(client)) Thread.onSpinWait();
            System.out.printf("a real request was served again after %.1f s%n", (System.nanoTime() - t0) / 1e9);
            System.out.printf("the server has closed %d of %d half-sent requests%n", slow.closedByServer(), slow.size());
            report("after the request-time limit", client);
        }
        daemon.close();
    }

    private static boolean served(DaemonClient client) {
        try {
            return client.get("/session").status() == 200;
        } catch (Exception refused) {
            return false;
        }
    }

    private static void report(String when, DaemonClient client) throws Exception {
        long t0 = System.nanoTime();
        String answer;
        try {
            answer = String.valueOf(client.get("/session").status());
        } catch (java.io.IOException e) {
            answer = "refused";
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%-40s api threads %4d  all threads %4d  rss %4d MB  GET /session %s in %.1f ms%n",
                when, SlowClients.apiThreads(), Thread.activeCount(), rssMb(), answer, ms);
    }

    private static long rssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        return -1;
    }
}
