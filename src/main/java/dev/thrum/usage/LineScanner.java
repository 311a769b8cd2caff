package dev.thrum.usage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it to text, so reading a large log stays cheap
 * and memory stays bounded: the buffer only grows to the longest line, up to {@link #MAX_LINE}.
 */
final class LineScanner {
    /** Longer lines are reported as too long and skipped, so a foreign file cannot exhaust memory. */
    static final int MAX_LINE = 8 * 1024 * 1024;

    interface LineSink {
        /**
         * @param complete false for a last line with no newline (possibly cut short by a crash)
         * @param tooLong  the line exceeded MAX_LINE; buf holds only its start
         */
        void line(long number, byte[] buf, int off, int len, boolean complete, boolean tooLong) throws IOException;
    }

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];

    LineScanner(InputStream in) {
        this.in = in;
    }

    void scan(LineSink sink) throws IOException {
        int start = 0, end = 0; // buf[start, end) holds unprocessed bytes
        int searchFrom = 0;
        long lineNo = 0;
        boolean skippingLong = false;
        while (true) {
            int nl = -1;
            for (int i = searchFrom; i < end; i++) {
                if (buf[i] == '\n') { nl = i; break; }
            }
            if (nl >= 0) {
                if (!skippingLong) {
                    lineNo++;
                    int len = nl - start;
                    if (len > 0 && buf[nl - 1] == '\r') len--;
                    sink.line(lineNo, buf, start, len, true, false);
                }
                skippingLong = false;
                start = nl + 1;
                searchFrom = start;
                continue;
            }
            // No newline in the buffered bytes: make room and read more.
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buf.length) {
                if (buf.length >= MAX_LINE) {
                    if (!skippingLong) {
                        lineNo++;
                        sink.line(lineNo, buf, 0, Math.min(end, 200), true, true);
                    }
                    skippingLong = true;
                    end = 0;
                } else {
                    buf = Arrays.copyOf(buf, Math.min(MAX_LINE, buf.length * 2));
                }
            }
            searchFrom = end;
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start && !skippingLong) {
                    lineNo++;
                    sink.line(lineNo, buf, start, end - start, false, false);
                }
                return;
            }
            end += n;
        }
    }
}
