package dev.thrum.usage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Every byte the usage log and its journals write goes through here. The real one simply writes;
 * tests pass one that runs out of space part-way ("No space left on device"), as a disk that fills
 * mid-session does, to prove that nothing saved is lost and no half-written file is left behind.
 */
interface DiskWrites {

    /** Writes all remaining bytes of {@code bytes} at {@code position}, or throws part-way. */
    void write(FileChannel channel, ByteBuffer bytes, long position) throws IOException;

    DiskWrites REAL = (channel, bytes, position) -> {
        long at = position;
        while (bytes.hasRemaining()) at += channel.write(bytes, at);
    };
}
