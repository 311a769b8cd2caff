package dev.thrum.transport.serial;

import dev.thrum.transport.TransportException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An advisory lock that says "this Thrum process drives that serial port", held from connect to
 * close. jssc already opens ports with TIOCEXCL, but the kernel lets root past TIOCEXCL, so two
 * Thrums run as root (a daemon and a standalone {@code thrum run}) could both drive one motor.
 * The lock file is named after the port's canonical path (a {@code /dev/serial/by-id/} link and
 * the {@code /dev/ttyUSB0} it points to are one port) and holds the owner's PID for the message.
 *
 * <p>Where: {@code /run/lock} (shared by all users, as serial lock files traditionally are) when it
 * is writable, else {@code $XDG_RUNTIME_DIR/thrum}, else the temporary directory. The environment
 * variable {@code THRUM_LOCK_DIR} overrides that (tests).
 */
final class SerialPortClaim implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private SerialPortClaim(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Claims the port for this process.
     *
     * @throws TransportException "busy: held by PID n" when another Thrum has it, or when the lock file cannot be made
     */
    static SerialPortClaim claim(String portPath) throws TransportException {
        Path file = lockDir().resolve(lockName(canonical(portPath)));
        FileChannel ch;
        try {
            Files.createDirectories(file.getParent());
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new TransportException("cannot make the lock file " + file + " for serial port " + portPath
                    + " (" + e.getMessage() + "); set THRUM_LOCK_DIR to a writable directory", e);
        }
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = readPid(ch);
                ch.close();
                throw new TransportException("serial port " + portPath + " is busy: held by "
                        + (holder.isEmpty() ? "another Thrum process" : "PID " + holder)
                        + " (lock " + file + "). Stop that Thrum first (a running daemon: systemctl --user stop thrum),"
                        + " or run through the daemon without --device");
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            ch.force(false);
            return new SerialPortClaim(file, ch, lock);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new TransportException("cannot lock " + file + " for serial port " + portPath + ": " + e.getMessage(), e);
        }
    }

    Path file() { return file; }

    /**
     * Lets the port go. The file stays (empty): deleting it would let a second process lock a file
     * that a third one no longer sees. {@code /run/lock} is emptied at every boot anyway.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // the PID left in it is only used for a message, and only while the file is locked
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    static Path lockDir() {
        String override = System.getenv("THRUM_LOCK_DIR");
        if (override != null && !override.isBlank()) return Path.of(override);
        Path runLock = Path.of("/run/lock");
        if (Files.isDirectory(runLock) && Files.isWritable(runLock)) return runLock;
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) return Path.of(runtime, "thrum");
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Like {@code thrum-serial-dev_ttyUSB0.lock}: one name per real device node. */
    static String lockName(String canonicalPath) {
        StringBuilder b = new StringBuilder("thrum-serial-");
        String p = canonicalPath.startsWith("/") ? canonicalPath.substring(1) : canonicalPath;
        for (char c : p.toCharArray()) b.append(Character.isLetterOrDigit(c) || c == '.' || c == '-' ? c : '_');
        return b.append(".lock").toString();
    }

    private static String canonical(String portPath) {
        try {
            return Path.of(portPath).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return Path.of(portPath).toAbsolutePath().normalize().toString(); // opening it will say what is wrong
        }
    }

    private static String readPid(FileChannel ch) {
        try {
            ByteBuffer b = ByteBuffer.allocate(32);
            ch.read(b, 0);
            String s = new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII).trim();
            return s.matches("\\d{1,10}") ? s : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }
}
