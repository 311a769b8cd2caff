package dev.thrum.usage;

import dev.thrum.store.PrivateFiles;
import dev.thrum.engine.Outcome;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the journals of sessions that never completed (the process was killed, crashed or lost
 * power) into {@code interrupted} records. A journal whose lock is still held belongs to a live
 * session and is left alone. Safe to run again after a crash half-way: a record already appended
 * is not appended twice.
 */
public final class JournalRecovery {
    /** What a recovery did: the records it appended and journals it could not use (kept as *.bad). */
    public record Result(List<SessionRecord> recovered, List<String> problems) {}

    private final UsageLog log;

    JournalRecovery(UsageLog log) {
        this.log = log;
    }

    Result run() throws IOException {
        List<SessionRecord> recovered = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path dir = log.journalDir();
        if (!Files.isDirectory(dir)) return new Result(recovered, problems);
        List<Path> journals = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            ds.forEach(journals::add);
        }
        journals.sort(null);
        for (Path journal : journals) {
            String id = journal.getFileName().toString().replaceFirst("\\.json$", "");
            Path lockFile = dir.resolve(id + ".lock");
            try (FileChannel ch = PrivateFiles.open(lockFile, StandardOpenOption.WRITE)) {
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    lock = null;
                }
                if (lock == null) continue; // still running
                try {
                    if (!Files.exists(journal)) continue; // completed meanwhile
                    recoverOne(journal, recovered, problems);
                    Files.deleteIfExists(dir.resolve(id + ".json.tmp"));
                    Files.deleteIfExists(lockFile);
                } finally {
                    lock.release();
                }
            }
        }
        PrivateFiles.syncDirectory(dir);
        return new Result(recovered, problems);
    }

    private void recoverOne(Path journal, List<SessionRecord> recovered, List<String> problems) throws IOException {
        JournalFile.Snapshot s;
        try {
            s = JournalFile.parse(Files.readAllBytes(journal));
        } catch (RecordFormatException e) {
            Path bad = journal.resolveSibling(journal.getFileName() + ".bad");
            Files.move(journal, bad, StandardCopyOption.REPLACE_EXISTING);
            problems.add(journal + ": cannot be recovered, " + e.getMessage() + "; kept as " + bad);
            return;
        }
        // A journal holding a finished session (its append failed, for example on a full disk) is
        // added as it ended; otherwise the session was cut short and is recorded as interrupted.
        SessionRecord r = s.session().outcome() != null && s.session().endedAt() != null ? s.session()
                : s.session().ended(s.savedAt(), Outcome.INTERRUPTED,
                "recovered after Thrum stopped unexpectedly; times are as of the last saved progress at "
                        + RecordJson.instant(s.savedAt()));
        if (log.appendUnlessPresent(r)) recovered.add(r);
        Files.delete(journal);
    }
}
