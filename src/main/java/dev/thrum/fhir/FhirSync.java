package dev.thrum.fhir;

import dev.thrum.usage.SessionRecord;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends what the server has not confirmed yet, client by client, in transaction bundles of at most
 * {@code bundleSize} sessions (each with its pain scores; the first also with the plan).
 * <ul>
 *   <li>"Later" answers (503, 429, no connection) are retried with backoff; when the retries run out
 *       the sync stops and everything not confirmed stays queued for the next one.</li>
 *   <li>A refused bundle is split in halves until the one session (or plan) the server will not take
 *       is found; it is reported as failed, stays unconfirmed, and the rest goes through.</li>
 *   <li>Only a bundle the server accepted whole is written to the {@link SyncState}.</li>
 * </ul>
 */
public final class FhirSync {
    private final FhirHttp http;
    private final RetryPolicy retry;
    private final int bundleSize;
    private final BundleBuilder builder;
    private final SyncState state;
    private SyncReport report;

    public FhirSync(FhirHttp http, RetryPolicy retry, int bundleSize, BundleBuilder builder, SyncState state) {
        if (bundleSize < 1) throw new IllegalArgumentException("bundle size must be at least 1");
        this.http = http;
        this.retry = retry;
        this.bundleSize = bundleSize;
        this.builder = builder;
        this.state = state;
    }

    public SyncReport run(SyncSource.Contents contents) throws IOException {
        long start = System.nanoTime();
        report = new SyncReport();
        report.withoutClient = contents.sessionsWithoutClient();
        try {
            for (ClientRecords c : contents.clients()) sync(c);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        report.elapsed = java.time.Duration.ofNanos(System.nanoTime() - start);
        return report;
    }

    private void sync(ClientRecords c) {
        List<SessionRecord> pending = new ArrayList<>();
        for (SessionRecord s : c.sessions())
            if (state.has(SyncState.session(s.id()))) report.alreadySent++;
            else pending.add(s);
        boolean planPending = c.plan() != null
                && !state.has(SyncState.plan(CarePlanMapping.idOf(c.client().id(), c.plan())));
        boolean patientPending = !state.has(SyncState.patient(c.client().id()));
        if (pending.isEmpty() && !planPending && !patientPending) return;
        ClientRecords todo = new ClientRecords(c.client(), planPending ? c.plan() : null, pending);
        int from = 0;
        do {
            int to = Math.min(pending.size(), from + bundleSize);
            ClientRecords part = todo.withSessions(pending.subList(from, to));
            if (from > 0) part = part.withoutPlan();
            if (report.stoppedBecause != null) report.queued += part.sessions().size();
            else deliver(part);
            from = to;
        } while (from < pending.size());
    }

    private void deliver(ClientRecords part) {
        ServerAnswer answer = postWithRetry(builder.transaction(part));
        if (answer instanceof ServerAnswer.Done done) {
            confirmed(part, done);
        } else if (answer instanceof ServerAnswer.Later later) {
            report.stoppedBecause = "the server is unavailable: " + later.why();
            report.queued += part.sessions().size();
        } else if (answer instanceof ServerAnswer.Unauthorized u) {
            report.stoppedBecause = u.why();
            report.queued += part.sessions().size();
        } else if (answer instanceof ServerAnswer.Refused refused) {
            List<SessionRecord> s = part.sessions();
            if (s.size() > 1) {
                int half = s.size() / 2;
                deliver(part.withSessions(s.subList(0, half)));
                ClientRecords rest = part.withSessions(s.subList(half, s.size())).withoutPlan();
                if (report.stoppedBecause != null) report.queued += rest.sessions().size();
                else deliver(rest);
            } else if (s.size() == 1 && part.plan() != null) {
                deliver(part.withSessions(List.of())); // the plan alone, then the session alone
                if (report.stoppedBecause == null) deliver(part.withoutPlan());
            } else {
                String what = s.size() == 1 ? "session " + s.get(0).id() + " (client " + part.client().id() + ")"
                        : part.plan() != null ? "plan of client " + part.client().id() : "client " + part.client().id();
                report.failures.add(new SyncReport.Failure(what, refused.why()));
            }
        }
    }

    private ServerAnswer postWithRetry(Bundle bundle) {
        String json = FhirJson.write(bundle, false);
        for (int attempt = 1; ; attempt++) {
            report.requests++;
            ServerAnswer a = http.post(json);
            if (!(a instanceof ServerAnswer.Later later) || attempt >= retry.attempts()) return a;
            report.retries++;
            try {
                Thread.sleep(retry.delay(attempt, later.retryAfter()).toMillis()); // backoff, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return a;
            }
        }
    }

    private void confirmed(ClientRecords part, ServerAnswer.Done done) {
        List<String> keys = new ArrayList<>();
        keys.add(SyncState.patient(part.client().id()));
        if (done.created(0)) report.patientsSent++;
        if (part.plan() != null) {
            keys.add(SyncState.plan(CarePlanMapping.idOf(part.client().id(), part.plan())));
            report.plansSent++;
        }
        for (SessionRecord s : part.sessions()) {
            keys.add(SyncState.session(s.id()));
            report.sessionsSent++;
            report.observationsSent += (s.pain().before() != null ? 1 : 0) + (s.pain().after() != null ? 1 : 0);
        }
        try {
            state.add(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
