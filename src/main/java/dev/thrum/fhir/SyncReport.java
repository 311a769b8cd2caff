package dev.thrum.fhir;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What one sync did: sent, skipped, failed, still queued, and what it cost in requests. */
public final class SyncReport {
    /** Something that was not sent, and why, in the server's words where it gave any. */
    public record Failure(String what, String why) {}

    static final int MAX_FAILURES_SHOWN = 20;

    int sessionsSent, observationsSent, plansSent, patientsSent;
    int alreadySent, requests, retries;
    long withoutClient;
    int queued;
    String stoppedBecause;
    final List<Failure> failures = new ArrayList<>();
    Duration elapsed = Duration.ZERO;

    public int sessionsSent() { return sessionsSent; }
    public int observationsSent() { return observationsSent; }
    public int plansSent() { return plansSent; }
    public int patientsSent() { return patientsSent; }
    public int alreadySent() { return alreadySent; }
    public long withoutClient() { return withoutClient; }
    public int requests() { return requests; }
    public int retries() { return retries; }
    public int queued() { return queued; }
    public List<Failure> failures() { return List.copyOf(failures); }
    public String stoppedBecause() { return stoppedBecause; }
    public Duration elapsed() { return elapsed; }

    /** True when everything there was to send has been sent. */
    public boolean complete() { return failures.isEmpty() && queued == 0 && stoppedBecause == null; }

    /** The lines `thrum sync fhir` prints; text from the server is made safe for a terminal. */
    public List<String> lines(String server) {
        List<String> out = new ArrayList<>();
        out.add("FHIR sync to " + SafeText.of(server) + ": " + (complete() ? "done" : "not complete")
                + String.format(" in %.1f s, %d requests%s", elapsed.toMillis() / 1000.0, requests,
                retries > 0 ? " (" + retries + " retries)" : ""));
        out.add("  sent:    " + sessionsSent + " sessions (Procedure), " + observationsSent + " pain scores (Observation), "
                + plansSent + " plans (CarePlan), " + patientsSent + " new clients (Patient)");
        out.add("  skipped: " + alreadySent + " sessions sent before" + (withoutClient > 0
                ? ", " + withoutClient + " sessions without a client (a FHIR Procedure needs a Patient)" : ""));
        out.add("  failed:  " + failures.size());
        for (Failure f : failures.subList(0, Math.min(failures.size(), MAX_FAILURES_SHOWN)))
            out.add("    " + SafeText.of(f.what()) + ": " + SafeText.of(f.why()));
        if (failures.size() > MAX_FAILURES_SHOWN) out.add("    and " + (failures.size() - MAX_FAILURES_SHOWN) + " more");
        if (queued > 0 || stoppedBecause != null)
            out.add("  queued:  " + queued + " sessions wait for the next sync"
                    + (stoppedBecause != null ? " (stopped: " + SafeText.of(stoppedBecause) + ")" : ""));
        return out;
    }
}
