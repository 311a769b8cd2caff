package dev.thrum.usage;

import dev.thrum.store.IoReason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams the records of a usage log one line at a time: memory does not grow with the file.
 * Bad lines are skipped and reported as {@link LogWarning}s naming their line number; a file that
 * is unreadable or is not a Thrum log at all is refused with a {@link LogFileException}.

 */
public final class LogReader {
    /** How many non-blank lines may be inspected before a file without any Thrum record is refused. */
    static final int FOREIGN_PROBE_LINES = 8;
    /**
     * Set to {@code true} to read every line with Jackson's streaming parser alone, skipping the quick
     * parser: the usage-log benchmark compares the two (docs/benchmarks.md).
     */
    static final String JACKSON_ONLY_PROPERTY = "thrum.usage.jacksonOnly";
    private static final byte[] SCHEMA_MARK = "\"thrum.session/".getBytes(StandardCharsets.US_ASCII);

    /** What a read saw. */
    public record Stats(long lines, long records, long skipped) {}

    private final Path file;

    private LogReader(Path file) {
        this.file = file;
    }

    public static LogReader of(Path file) {
        return new LogReader(file);
    }

    public Path file() { return file; }

    public Stats read(Consumer<SessionRecord> records, Consumer<LogWarning> warnings) throws LogFileException {
        if (Files.isDirectory(file)) throw new LogFileException(file, "is a directory, not a log file");
        try (InputStream in = Files.newInputStream(file)) {
            Pass pass = new Pass(records, warnings);
            FastRecordParser fast = Boolean.getBoolean(JACKSON_ONLY_PROPERTY) ? null : new FastRecordParser();
            new LineScanner(in).scan((n, b, off, len, complete, tooLong) ->
                    pass.apply(n, classify(fast, b, off, len, complete, tooLong)));
            pass.finish();
            return new Stats(pass.lines, pass.records, pass.skipped);
        } catch (NoSuchFileException e) {
            throw new LogFileException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new LogFileException(file, "permission denied (the log is readable by its owner only)");
        } catch (IOException e) {
            throw new LogFileException(file, "cannot be read: " + IoReason.of(e));
        } catch (ForeignFile e) {
            throw new LogFileException(file, e.getMessage());
        }
    }

    // ---- one line, judged on its own ----

    /** Why a line is not a record. */
    private record Failure(String reason, boolean complete, boolean schemaMark, boolean binary, boolean tooLong) {}

    static final Object BLANK = new Object();

    /** A SessionRecord, an OutcomeNote, a Failure or BLANK. */
    static Object classify(FastRecordParser fast, byte[] buf, int off, int len, boolean complete, boolean tooLong) {
        if (isBlank(buf, off, len)) return BLANK;
        if (tooLong) return new Failure("the line is longer than " + LineScanner.MAX_LINE / (1024 * 1024) + " MB",
                complete, false, false, true);
        try {
            if (OutcomeNote.looksLikeOne(buf, off, len)) return OutcomeNote.parse(buf, off, len);
            return RecordJson.parse(fast, buf, off, len);
        } catch (RecordFormatException e) {
            return new Failure(e.getMessage(), complete, indexOf(buf, off, len, SCHEMA_MARK) >= 0,
                    contains(buf, off, len, (byte) 0), false);
        }
    }

    // ---- the reading pass ----

    private static final class ForeignFile extends RuntimeException {
        ForeignFile(String message) { super(message, null, false, false); }
    }

    /** One reading pass: holds back warnings until the file is known to be a Thrum log. */
    private final class Pass {
        final OutcomeWindow sink;
        final Consumer<LogWarning> warnings;
        long lines, records, skipped, nonBlank;
        boolean confirmed;
        final List<LogWarning> heldBack = new ArrayList<>();

        Pass(Consumer<SessionRecord> records, Consumer<LogWarning> warnings) {
            this.sink = new OutcomeWindow(records);
            this.warnings = warnings;
        }

        void apply(long number, Object result) {
            lines = number;
            if (result == BLANK) return;
            nonBlank++;
            if (result instanceof SessionRecord r) {
                confirm();
                records++;
                sink.record(r);
                return;
            }
            if (result instanceof OutcomeNote o) {
                if (!sink.outcome(o)) warn(number, "pain scores for session " + o.sessionId()
                        + ", which is not among the " + OutcomeWindow.SIZE + " sessions before this line; left out");
                return;
            }
            // A bad line, even the first (binary data, a huge line), is only skipped: the file is judged
            // by its good lines, so one damaged line cannot hide the sessions appended after it.
            Failure f = (Failure) result;
            if (f.schemaMark() && !f.binary() && !f.tooLong()) confirm();
            if (!confirmed && nonBlank >= FOREIGN_PROBE_LINES) throw foreign();
            String reason = f.tooLong() ? f.reason()
                    : f.binary() ? "holds binary data (NUL bytes), so it is not a record"
                    : f.complete() ? f.reason()
                    : "the last line is incomplete (a write was cut short, probably by a crash or power loss); "
                    + "it is kept aside in " + file.getFileName() + ".torn at the next append";
            warn(number, reason);
        }

        /** The file is a Thrum log: the warnings held back until now are told, in line order. */
        private void confirm() {
            if (confirmed) return;
            confirmed = true;
            heldBack.forEach(warnings);
            heldBack.clear();
        }

        void finish() {
            if (!confirmed && nonBlank > 0) throw foreign();
            sink.finish();
        }

        private ForeignFile foreign() {
            LogWarning first = heldBack.isEmpty() ? null : heldBack.get(0);
            if (first != null && first.reason().startsWith("holds binary data"))
                return new ForeignFile("not a Thrum usage log: line " + first.line() + " holds binary data");
            return new ForeignFile("not a Thrum usage log (expected JSON Lines with \"schema\": \""
                    + SessionRecord.SCHEMA + "\")" + (first == null ? "" : "; line " + first.line() + " is "
                    + first.reason()));
        }

        private void warn(long number, String reason) {
            skipped++;
            LogWarning w = new LogWarning(file, number, reason);
            if (confirmed) warnings.accept(w);
            else heldBack.add(w);
        }
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }

    private static boolean contains(byte[] b, int off, int len, byte x) {
        for (int i = off; i < off + len; i++) if (b[i] == x) return true;
        return false;
    }

    private static int indexOf(byte[] b, int off, int len, byte[] needle) {
        outer:
        for (int i = off; i <= off + len - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
