package dev.thrum.fhir;

import dev.thrum.store.RegionCatalogueLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Times a sync of a big log (default 10,000 sessions for five clients, with pain scores and plans) to
 * the in-test HAPI FHIR server, and prints how long it took, how many HTTP requests it needed and
 * how many resources went over. Runs twice: against a server that validates every resource against
 * the R4 specification (what a clinic's server does; most of the time is the server's), and against
 * one that does not (Thrum's own cost: building, encoding, sending). Then a second sync, which should
 * send nothing. Not a test: it prints figures (docs/benchmarks.md, docs/fhir.md).
 *
 * <p>Arguments: {@code [SESSIONS] [BUNDLE_SIZE]}, default 10000 and 100.
 */
public final class FhirSyncBenchmark {
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int bundleSize = args.length > 1 ? Integer.parseInt(args[1]) : FhirConfig.DEFAULT_BUNDLE_SIZE;
        System.out.println("cores: " + Runtime.getRuntime().availableProcessors()
                + ", load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
        for (boolean validating : new boolean[]{false, true}) {
            Path dir = Files.createTempDirectory("thrum-fhir-bench");
            ClinicData clinic = new ClinicData(dir).sessions(sessions, 42).clients();
            try (FhirTestServer server = new FhirTestServer(validating)) {
                SyncSource.Contents contents = new SyncSource(clinic.log(), clinic.config.resolve("clients")).read(null, w -> {});
                FhirHttp http = new FhirHttp(server.base(), new ServerAuth.None(), Duration.ofMinutes(5));
                FhirSync sync = new FhirSync(http, RetryPolicy.DEFAULT, bundleSize, new BundleBuilder(RegionCatalogueLoader.builtIn()),
                        SyncState.load(clinic.data, server.base()));
                long t0 = System.nanoTime();
                SyncReport first = sync.run(contents);
                double firstS = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                SyncReport second = new FhirSync(http, RetryPolicy.DEFAULT, bundleSize, new BundleBuilder(RegionCatalogueLoader.builtIn()),
                        SyncState.load(clinic.data, server.base())).run(contents);
                double secondS = (System.nanoTime() - t1) / 1e9;
                int resources = first.sessionsSent() + first.observationsSent() + first.plansSent() + first.requests();
                System.out.printf(Locale.ROOT, "%s server: first sync of %d sessions: %.1f s, %d requests (bundles of %d sessions), "
                                + "%d resources (%d Procedure, %d Observation, %d CarePlan, Patient once per bundle), %.0f sessions/s, complete=%s%n",
                        validating ? "validating" : "non-validating", first.sessionsSent(), firstS, first.requests(), bundleSize,
                        resources, first.sessionsSent(), first.observationsSent(), first.plansSent(),
                        first.sessionsSent() / firstS, first.complete());
                System.out.printf(Locale.ROOT, "%s server: second sync: %.2f s, %d requests, %d sessions skipped as sent%n",
                        validating ? "validating" : "non-validating", secondS, second.requests(), second.alreadySent());
            }
        }
    }
}
