package dev.thrum.fhir;

import dev.thrum.store.ThrumDirs;
import dev.thrum.usage.UsageLog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * {@code "syncAfterSession": true} in fhir.json: after each session the daemon sends what is queued
 * to the clinic's server, on one low-priority background thread, never in the way of a session.
 * Several sessions ending while a sync runs make one more sync, not one each. A server that is down
 * costs nothing: the records stay queued for the next session's sync or a manual one. Loading this
 * class loads no FHIR class; only the first sync does.
 */
public final class AfterSessionSync implements AutoCloseable {
    private final ThrumDirs dirs;
    private final Consumer<String> info;
    private final Consumer<String> warning;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "thrum-fhir-sync");
        t.setDaemon(true); // a sync cut short by shutdown loses nothing: only confirmed records are marked sent
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    /** A sync submitted but not started yet: it will read the log when it starts, so it covers later sessions too. */
    private CompletableFuture<Integer> queued;

    private AfterSessionSync(ThrumDirs dirs, Consumer<String> info, Consumer<String> warning) {
        this.dirs = dirs;
        this.info = info;
        this.warning = warning;
    }

    /**
     * The daemon's after-session sync when fhir.json switches it on and names a server; empty
     * otherwise. A broken fhir.json is a warning, never a reason for the daemon not to start.
     */
    public static Optional<AfterSessionSync> forDaemon(ThrumDirs dirs, Consumer<String> info, Consumer<String> warning) {
        FhirConfig config;
        try {
            config = FhirConfig.load(dirs.config().resolve(FhirConfig.FILE));
        } catch (IllegalArgumentException e) {
            warning.accept("FHIR sync after sessions is off: " + e.getMessage());
            return Optional.empty();
        }
        if (!config.syncAfterSession()) return Optional.empty();
        if (config.server() == null) {
            warning.accept("FHIR sync after sessions is off: " + dirs.config().resolve(FhirConfig.FILE) + " names no \"server\"");
            return Optional.empty();
        }
        info.accept("after each session, records go to " + config.server());
        return Optional.of(new AfterSessionSync(dirs, info, warning));
    }

    /** Schedules a sync; @return its exit status (0 all sent), shared with any sync already waiting to start. */
    public synchronized CompletableFuture<Integer> sessionEnded() {
        if (queued != null) return queued;
        CompletableFuture<Integer> f = new CompletableFuture<>();
        queued = f;
        worker.execute(() -> {
            synchronized (this) {
                if (queued == f) queued = null;
            }
            f.complete(syncNow());
        });
        return f;
    }

    private int syncNow() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            status = new FhirSyncTask(dirs.config(), dirs.data(), dirs.data().resolve(UsageLog.LOG_FILE), null, RetryPolicy.DEFAULT)
                    .sync(null, o, e);
        } catch (Exception | LinkageError e) {
            warning.accept("FHIR sync after the session failed: " + e);
            return 1;
        }
        out.toString().lines().forEach(status == 0 ? info : warning);
        err.toString().lines().filter(l -> !l.isBlank()).forEach(warning);
        return status;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
