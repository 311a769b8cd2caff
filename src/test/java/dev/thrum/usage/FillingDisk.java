package dev.thrum.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A disk with a byte budget: writes go through until it is spent, then the write that does not fit
 * lands part-way and fails with "No space left on device", as a real full disk does.
 */
final class FillingDisk implements DiskWrites {
    private long left = Long.MAX_VALUE;
    private int failures;

    synchronized void fillAfter(long bytes) { left = bytes; }

    synchronized void free() { left = Long.MAX_VALUE; }

    synchronized int failures() { return failures; }

    @Override
    public synchronized void write(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        if (bytes.remaining() <= left) {
            left -= bytes.remaining();
            REAL.write(channel, bytes, position);
            return;
        }
        ByteBuffer part = bytes.slice();
        part.limit((int) left);
        REAL.write(channel, part, position);
        left = 0;
        failures++;
        throw new IOException("No space left on device");
    }
}
