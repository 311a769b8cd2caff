package dev.thrum.usage;

import dev.thrum.store.IoReason;
import dev.thrum.store.PrivateFiles;
import dev.thrum.engine.Outcome;
import dev.thrum.engine.SessionReport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The crash-safe record of one running session. The runner calls {@link #update} on every tick
 * (cheap: the progress is written to disk, with fsync, only once per flush interval), then
 * {@link #complete} once at the end, which appends the final record to the log and deletes the
 * journal. If the process dies in between, {@link UsageLog#recover()} on the next start turns the
 * last saved snapshot into an {@code interrupted} record.
 *
 * <p>Each save replaces {@code journal/ID.json} atomically (write a temporary file, fsync, rename),
 * so the journal is always one whole snapshot. A lock on {@code journal/ID.lock}, held while the
 * session runs, tells recovery in another process that the session is still alive.
 *
 * <p>Not thread-safe: call it from the thread that runs the session.
 */
public final class SessionJournal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionJournal.class.getName());

    private final UsageLog log;
    private final SessionHeader header;
    private final Clock clock;
    private final long flushEveryNanos;
    private final LongSupplier nanoTime;
    private final Instant openedAt;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private SessionReport latest;
    private long lastFlushNanos;
    private boolean dirty;
    private boolean finished;
    private IOException lastFailure;

    private SessionJournal(UsageLog log, SessionHeader header, Clock clock, Duration flushEvery,
                           LongSupplier nanoTime, FileChannel lockChannel, FileLock lock) {
        this.log = log;
        this.header = header;
        this.clock = clock;
        this.flushEveryNanos = flushEvery.toNanos();
        this.nanoTime = nanoTime;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.openedAt = clock.instant();
    }

    static SessionJournal open(UsageLog log, SessionHeader header, Clock clock, Duration flushEvery,
                               LongSupplier nanoTime) throws IOException {
        if (flushEvery.isNegative() || flushEvery.isZero()) throw new IllegalArgumentException("flushEvery must be positive");
        Path dir = log.journalDir();
        PrivateFiles.createDirectories(dir);
        Path journal = dir.resolve(header.sessionId() + ".json");
        if (Files.exists(journal)) throw new IOException("a journal for session " + header.sessionId() + " already exists: " + journal);
        FileChannel ch = PrivateFiles.open(dir.resolve(header.sessionId() + ".lock"), StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IOException("session " + header.sessionId() + " is already running in another process");
        }
        SessionJournal j = new SessionJournal(log, header, clock, flushEvery, nanoTime, ch, lock);
        j.save(); // a crash right after the start is recoverable too
        return j;
    }

    public SessionHeader header() { return header; }

    public Path path() { return log.journalDir().resolve(header.sessionId() + ".json"); }

    /**
     * Takes the latest account of the running session. Writes it to disk (about a millisecond plus an
     * fsync) when the flush interval has passed since the last save, otherwise only keeps it in memory.
     * A failed save is logged and retried at the next interval; it never throws.
     */
    public void update(SessionReport report) {
        checkOpen();
        latest = report;
        dirty = true;
        if (nanoTime.getAsLong() - lastFlushNanos >= flushEveryNanos) {
            try {
                save();
            } catch (IOException e) {
                if (lastFailure == null) LOG.log(System.Logger.Level.WARNING,
                        "cannot save the progress of session " + header.sessionId() + " to " + path() + ": " + IoReason.of(e));
                lastFailure = e;
                lastFlushNanos = nanoTime.getAsLong(); // retry at the next interval, not on every tick
            }
        }
    }

    /** Saves the latest progress now, for example when the session is paused. */
    public void flush() throws IOException {
        checkOpen();
        if (dirty) save();
    }

    /** The last save failure, or null when the last save worked. */
    public IOException lastFailure() { return lastFailure; }

    /**
     * Ends the session: appends its final record to the log (forced to disk), then deletes the journal.
     * A report without an end time is ended now; a report without an outcome is logged as interrupted.
     *
     * @return the record as written
     */
    public SessionRecord complete(SessionReport report) throws IOException {
        checkOpen();
        SessionRecord r = SessionRecord.of(header, report);
        if (r.startedAt() == null) r = withStart(r, openedAt);
        if (r.outcome() == null || r.endedAt() == null) {
            r = r.ended(r.endedAt() != null ? r.endedAt() : clock.instant(),
                    r.outcome() != null ? r.outcome() : Outcome.INTERRUPTED,
                    r.outcome() == null ? "the session ended without an outcome; recorded as interrupted" : null);
        }
        // The final record goes into the journal first: if the append below fails (a full disk),
        // recovery adds the session as it ended, not as "interrupted" at the last progress save.
        IOException journalFailure = null;
        try {
            writeSnapshot(r);
            dirty = false; // close() after a failed append must not replace the finished snapshot with progress
        } catch (IOException e) {
            journalFailure = e;
        }
        try {
            log.append(r);
        } catch (IOException e) {
            String kept = journalFailure == null ? "the finished session is kept in " + path()
                    : "its progress as of the last save is kept in " + path();
            throw new IOException(e.getMessage() + "; " + kept + " and is added to the log at the next start"
                    + " (free some space)", e);
        }
        finished = true;
        Files.deleteIfExists(path());
        PrivateFiles.syncDirectory(log.journalDir());
        release(true);
        return r;
    }

    /**
     * Releases the journal without completing it: the last saved snapshot stays on disk and the next
     * {@link UsageLog#recover()} turns it into an interrupted record. Does nothing after {@link #complete}.
     */
    @Override
    public void close() {
        if (finished) return;
        finished = true;
        try {
            if (dirty) save();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save the last progress of session " + header.sessionId() + ": " + e.getMessage());
        }
        release(false);
    }

    private void save() throws IOException {
        SessionRecord snapshot = latest == null
                ? new SessionRecord(header.sessionId(), header.clientName(), header.programId(), header.programName(),
                        header.device(), openedAt, null, 0, 0, null, 0, List.of(), List.of(), header.pain(), header.clientId())
                : SessionRecord.of(header, latest);
        if (snapshot.startedAt() == null) snapshot = withStart(snapshot, openedAt);
        writeSnapshot(snapshot);
        lastFlushNanos = nanoTime.getAsLong();
        dirty = false;
        lastFailure = null;
    }

    /** Replaces the journal atomically; a temporary file that could not be written whole is removed at once. */
    private void writeSnapshot(SessionRecord snapshot) throws IOException {
        byte[] bytes = JournalFile.toBytes(new JournalFile.Snapshot(clock.instant(), snapshot));
        Path tmp = log.journalDir().resolve(header.sessionId() + ".json.tmp");
        try {
            try (FileChannel ch = PrivateFiles.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                log.disk().write(ch, ByteBuffer.wrap(bytes), 0);
                ch.force(true);
            }
            Files.move(tmp, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp); // frees what it took; the last whole snapshot stays
            } catch (IOException ignored) {
                // nothing more to free
            }
            throw e;
        }
        PrivateFiles.syncDirectory(log.journalDir());
    }

    private static SessionRecord withStart(SessionRecord r, Instant start) {
        return new SessionRecord(r.id(), r.clientName(), r.programId(), r.programName(), r.device(), start,
                r.endedAt(), r.activeSeconds(), r.pausedSeconds(), r.outcome(), r.interruptions(), r.warnings(), r.steps(), r.pain(),
                r.clientId());
    }

    private void release(boolean deleteLockFile) {
        try {
            if (deleteLockFile) Files.deleteIfExists(log.journalDir().resolve(header.sessionId() + ".lock"));
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "releasing the journal lock: " + e.getMessage());
        }
    }

    private void checkOpen() {
        if (finished) throw new IllegalStateException("the journal of session " + header.sessionId() + " is already closed");
    }
}
