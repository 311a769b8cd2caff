package dev.thrum.transport.serial;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The other end of a socat pair, opened with plain Java file streams (not jssc), so a test of
 * {@link SerialTransport} does not check the adapter against itself. Collects everything it reads.
 */
final class PtyFarEnd implements AutoCloseable {

    private final FileOutputStream out;
    private final FileInputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Thread reader;

    PtyFarEnd(Path pty) throws IOException {
        out = new FileOutputStream(pty.toFile());
        in = new FileInputStream(pty.toFile());
        reader = new Thread(this::readLoop, "pty-far-end " + pty.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Waits until at least {@code n} bytes arrived; returns all bytes received so far. */
    byte[] awaitBytes(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                received.wait(Math.max(1, left / 1_000_000));
            }
            return received.toByteArray();
        }
    }

    private void readLoop() {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (received) {
                    received.write(buf, 0, n);
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // the pty went away (socat killed): nothing more will arrive
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing a pty that is already gone
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // same
        }
    }

    static byte[] concat(java.util.List<byte[]> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] c : chunks) all.writeBytes(c);
        return all.toByteArray();
    }

    static String hex(byte[] b) {
        return Arrays.toString(b);
    }
}
