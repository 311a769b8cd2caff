package dev.thrum.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads a large usage log on several threads, for questions whose answer does not depend on the order
 * of the records (totals such as {@code log summary}). The file is cut at line starts into one chunk per
 * core; each thread parses its chunk into a consumer of its own, and the caller merges them.
 *
 * <p>Only plain records take this path. An outcome line (its session may sit in an earlier chunk), a bad
 * or torn line (its warning names a line number) or any read error makes the whole read start again on
 * the ordered {@link LogReader} with one fresh consumer, so answers, warnings and errors stay exactly
 * those of a sequential read. Memory: one line buffer per thread, whatever the file's size.
 */
public final class UnorderedLogRead {
    /** Below this a second thread costs more than it saves. */
    static final long MIN_CHUNK_BYTES = 16L << 20;
    private static final int MAX_THREADS = 8;
    /** Caps the threads (default: the cores); 1 gives the ordered read, for the benchmark's comparison. */
    static final String THREADS_PROPERTY = "thrum.usage.readThreads";

    private UnorderedLogRead() {}

    /**
     * A consumer that can take a plain line straight from its bytes (a summary, {@link SummaryLineReader})
     * instead of a parsed record; it returns false, having taken nothing, for a line it leaves to the reader.
     */
    public interface LineTaker {
        boolean take(byte[] buf, int off, int len);
    }

    /** The consumers that saw the records: several after a parallel read, one after a sequential one. */
    public static <C extends Consumer<SessionRecord>> List<C> read(Path file, Supplier<C> fresh,
                                                                    Consumer<LogWarning> warnings) throws LogFileException {
        return read(file, threadsFor(file), fresh, warnings);
    }

    static <C extends Consumer<SessionRecord>> List<C> read(Path file, int threads, Supplier<C> fresh,
                                                             Consumer<LogWarning> warnings) throws LogFileException {
        if (threads > 1 && !Boolean.getBoolean(LogReader.JACKSON_ONLY_PROPERTY)) {
            List<C> parts = tryParallel(file, threads, fresh);
            if (parts != null) return parts;
        }
        C one = fresh.get();
        LogReader.of(file).read(one, warnings);
        return List.of(one);
    }

    static int threadsFor(Path file) {
        try {
            if (!Files.isRegularFile(file)) return 1;
            long chunks = Files.size(file) / MIN_CHUNK_BYTES;
            return (int) Math.max(1, Math.min(chunks, Math.min(MAX_THREADS,
                    Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors()))));
        } catch (IOException e) {
            return 1; // the sequential read reports it properly
        }
    }

    /** @return null when the file needs the ordered read */
    static <C extends Consumer<SessionRecord>> List<C> tryParallel(Path file, int threads, Supplier<C> fresh) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long[] bounds = lineBounds(ch, threads);
            AtomicBoolean giveUp = new AtomicBoolean();
            List<C> parts = new ArrayList<>();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) parts.add(fresh.get());
            for (int i = 1; i < threads; i++) { // this thread reads the first chunk itself
                C part = parts.get(i);
                long from = bounds[i], to = bounds[i + 1];
                Thread t = new Thread(() -> readChunk(file, from, to, part, giveUp), "thrum-log-read-" + i);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
            readChunk(file, bounds[0], bounds[1], parts.get(0), giveUp);
            for (Thread t : workers) t.join();
            return giveUp.get() ? null : parts;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Chunk starts: 0, then the first line start at or after each even share of the file, then its size. */
    static long[] lineBounds(FileChannel ch, int chunks) throws IOException {
        long size = ch.size();
        long[] bounds = new long[chunks + 1];
        bounds[chunks] = size;
        ByteBuffer probe = ByteBuffer.allocate(1 << 16);
        for (int i = 1; i < chunks; i++) {
            long at = Math.max(bounds[i - 1], size * i / chunks);
            bounds[i] = nextLineStart(ch, at, size, probe);
        }
        return bounds;
    }

    private static long nextLineStart(FileChannel ch, long at, long size, ByteBuffer probe) throws IOException {
        if (at == 0) return 0;
        long pos = at - 1; // a line starts at `at` when the byte before it is a newline
        while (pos < size) {
            probe.clear();
            int n = ch.read(probe, pos);
            if (n <= 0) break;
            for (int i = 0; i < n; i++) if (probe.get(i) == '\n') return pos + i + 1;
            pos += n;
        }
        return size;
    }

    private static void readChunk(Path file, long from, long to, Consumer<SessionRecord> part, AtomicBoolean giveUp) {
        FastRecordParser fast = new FastRecordParser();
        LineTaker taker = part instanceof LineTaker t ? t : null;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            new LineScanner(new ChunkStream(ch, from, to)).scan((n, b, off, len, complete, tooLong) -> {
                if (giveUp.get()) throw new StopChunk();
                if (taker != null && complete && !tooLong && taker.take(b, off, len)) return;
                Object result = LogReader.classify(fast, b, off, len, complete, tooLong);
                if (result instanceof SessionRecord r) part.accept(r);
                else if (result != LogReader.BLANK) throw new StopChunk();
            });
        } catch (IOException | RuntimeException e) {
            giveUp.set(true); // the ordered read says what was wrong, with line numbers
        }
    }

    private static final class StopChunk extends RuntimeException {
        StopChunk() { super(null, null, false, false); }
    }

    /** The bytes [from, to) of a file, read with positional reads so chunks share nothing. */
    private static final class ChunkStream extends InputStream {
        private final FileChannel ch;
        private long pos;
        private final long end;

        ChunkStream(FileChannel ch, long from, long to) {
            this.ch = ch;
            this.pos = from;
            this.end = to;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= end) return -1;
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
            if (n < 0) return -1;
            pos += n;
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }
}
