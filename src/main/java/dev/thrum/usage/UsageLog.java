package dev.thrum.usage;

import dev.thrum.store.PrivateFiles;
import dev.thrum.store.ThrumDirs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The usage log in one data directory: {@code usage-log.jsonl} (one session per line, only ever
 * appended to) and {@code journal/} (snapshots of sessions still running, see {@link SessionJournal}).
 * Everything is created readable by its owner only.
 */
public final class UsageLog {
    public static final String LOG_FILE = "usage-log.jsonl";
    public static final String JOURNAL_DIR = "journal";
    /** How often a running session's progress reaches the disk by default. */
    public static final Duration DEFAULT_FLUSH_EVERY = Duration.ofSeconds(2);
    /** How far back from the end an append looks for a record with the same id (see {@link #appendUnlessPresent}). */
    static final int DUPLICATE_WINDOW = 1 << 20;

    private final Path dataDir;
    private final DiskWrites disk;

    private UsageLog(Path dataDir, DiskWrites disk) {
        this.dataDir = Objects.requireNonNull(dataDir);
        this.disk = Objects.requireNonNull(disk);
    }

    /** The log kept in {@code dataDir}; nothing is created until something is written. */
    public static UsageLog in(Path dataDir) {
        return new UsageLog(dataDir, DiskWrites.REAL);
    }

    /** For tests: the log in {@code dataDir}, written through {@code disk} (one that can fill up). */
    static UsageLog in(Path dataDir, DiskWrites disk) {
        return new UsageLog(dataDir, disk);
    }

    DiskWrites disk() { return disk; }

    /** The log in the user's data directory: {@code $XDG_DATA_HOME/thrum}, default {@code ~/.local/share/thrum}. */
    public static UsageLog atDefaultLocation() {
        return in(ThrumDirs.fromEnvironment().data());
    }

    public Path dataDir() { return dataDir; }

    public Path file() { return dataDir.resolve(LOG_FILE); }

    public Path tornFile() { return dataDir.resolve(LOG_FILE + ".torn"); }

    public Path journalDir() { return dataDir.resolve(JOURNAL_DIR); }

    public LogReader reader() { return LogReader.of(file()); }

    /** Starts the journal of a new session, timed by the system clock. */
    public SessionJournal openJournal(SessionHeader header) throws IOException {
        return openJournal(header, Clock.systemUTC(), DEFAULT_FLUSH_EVERY);
    }

    /**
     * Starts the journal of a new session.
     *
     * @param clock      the clock the session engine runs on (its report times come from it)
     * @param flushEvery longest real time between two saves of progress to disk
     */
    public SessionJournal openJournal(SessionHeader header, Clock clock, Duration flushEvery) throws IOException {
        return SessionJournal.open(this, header, clock, flushEvery, System::nanoTime);
    }

    /** Turns every journal left by a session that did not finish into an {@code interrupted} record. */
    public JournalRecovery.Result recover() throws IOException {
        return new JournalRecovery(this).run();
    }

    /**
     * Appends one record and forces it to disk. Earlier lines are never changed; a torn last line
     * (a write cut short) is first copied to {@link #tornFile()} and cut off, so the new record
     * starts on a clean line.
     */
    public void append(SessionRecord record) throws IOException {
        write(record, false);
    }

    /** Like {@link #append}, but does nothing when a record with the same id is near the end of the log. */
    boolean appendUnlessPresent(SessionRecord record) throws IOException {
        return write(record, true);
    }

    /**
     * Appends pain scores or a note for a session already in the log (the score after a session is
     * given once it has ended), forced to disk like a record. Readers fold it into that session.
     */
    public void appendOutcome(OutcomeNote note) throws IOException {
        write(note.toLine(), null);
    }

    private boolean write(SessionRecord record, boolean unlessPresent) throws IOException {
        return write(RecordJson.toLine(record), unlessPresent ? record.id() : null);
    }

    private boolean write(byte[] line, String unlessPresentId) throws IOException {
        PrivateFiles.createDirectories(dataDir);
        Path file = file();
        boolean created = !Files.exists(file);
        try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            long end = cleanEnd(ch);
            if (unlessPresentId != null && tailContains(ch, end, ("\"id\":\"" + unlessPresentId + "\"").getBytes(StandardCharsets.UTF_8))) {
                return false;
            }
            try {
                disk.write(ch, ByteBuffer.wrap(line), end);
                ch.force(true);
            } catch (IOException e) {
                // A disk that filled part-way leaves a half record: cut it off again (that frees its
                // space), so the log never holds a torn line of our own making.
                ch.truncate(end);
                ch.force(true);
                throw new IOException("cannot add to " + file + ": " + e.getMessage(), e);
            }
        }
        if (created) PrivateFiles.syncDirectory(dataDir);
        return true;
    }

    /**
     * Where the next record may start: the end of the file once any torn last line is dealt with.
     * Memory stays bounded whatever the tail's size: a tail longer than the reader's longest line
     * cannot be a record, so it is copied aside in chunks without being read whole.
     */
    private long cleanEnd(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0 || byteAt(ch, size - 1) == '\n') return size;
        long lineStart = lastNewline(ch, size) + 1;
        if (size - lineStart <= LineScanner.MAX_LINE && isWholeRecord(ch, lineStart, size)) {
            // A whole record that only lacks its newline (hand-edited?): keep it, just end the line.
            ch.write(ByteBuffer.wrap(new byte[] {'\n'}), size);
            return size + 1;
        }
        try (FileChannel aside = PrivateFiles.open(tornFile(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long pos = lineStart;
            while (pos < size) pos += ch.transferTo(pos, size - pos, aside);
            aside.write(ByteBuffer.wrap(new byte[] {'\n'}));
            aside.force(true);
        }
        ch.truncate(lineStart);
        ch.force(true);
        return lineStart;
    }

    private static boolean isWholeRecord(FileChannel ch, long from, long to) throws IOException {
        byte[] tail = new byte[(int) (to - from)];
        ByteBuffer b = ByteBuffer.wrap(tail);
        while (b.hasRemaining() && ch.read(b, from + b.position()) >= 0) { /* read it all */ }
        try {
            // a session record or an outcome line (pain after, a note) added to one
            if (OutcomeNote.looksLikeOne(tail, 0, tail.length)) OutcomeNote.parse(tail, 0, tail.length);
            else RecordJson.parse(tail, 0, tail.length);
            return true;
        } catch (RecordFormatException torn) {
            return false;
        }
    }

    private static byte byteAt(FileChannel ch, long pos) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, pos);
        return one.get(0);
    }

    /** Offset of the last '\n' before {@code size}, or -1. */
    private static long lastNewline(FileChannel ch, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long pos = size;
        while (pos > 0) {
            long from = Math.max(0, pos - chunk.capacity());
            chunk.clear().limit((int) (pos - from));
            ch.read(chunk, from);
            for (int i = (int) (pos - from) - 1; i >= 0; i--) if (chunk.get(i) == '\n') return from + i;
            pos = from;
        }
        return -1;
    }

    private static boolean tailContains(FileChannel ch, long end, byte[] needle) throws IOException {
        long from = Math.max(0, end - DUPLICATE_WINDOW);
        ByteBuffer b = ByteBuffer.allocate((int) (end - from));
        ch.read(b, from);
        byte[] a = b.array();
        outer:
        for (int i = 0; i <= a.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (a[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}
