package dev.thrum.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Files and directories readable by their owner only. Everything Thrum writes about a person
 * (the usage log, exports and reports, client records) is health data, and the API token is a
 * secret: all of it is created rw------- (directories rwx------) from the first byte.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates {@code dir} and any missing parents as rwx------ (what the XDG spec asks for). */
    public static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) missing.push(p);
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                if (POSIX) {
                    Files.createDirectory(p, attr(DIR));
                    Files.setPosixFilePermissions(p, DIR); // the umask may have taken bits away or not
                } else {
                    Files.createDirectory(p);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: fine
            }
        }
    }

    /** Opens a file for writing with the given options, creating it as rw------- if missing. */
    public static FileChannel open(Path file, StandardOpenOption... options) throws IOException {
        Set<StandardOpenOption> all = new HashSet<>(Set.of(options));
        all.add(StandardOpenOption.CREATE);
        if (!POSIX) return FileChannel.open(file, all);
        FileChannel ch = FileChannel.open(file, all, attr(FILE));
        Files.setPosixFilePermissions(file, FILE);
        return ch;
    }

    /** An output stream that replaces the file's content; a new file is created rw-------. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (POSIX) Files.createFile(file, attr(FILE));
            else Files.createFile(file);
        }
        return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /**
     * Replaces a small file atomically (temp file forced to disk, then moved over it), rw------- from
     * its first byte: a crash leaves the old file or the new one, never half of either.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) createDirectories(dir);
        Path tmp = POSIX ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attr(FILE))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** True when nobody but the owner may read or write the file (always true without POSIX permissions). */
    public static boolean isOwnerOnly(Path file) throws IOException {
        if (!POSIX) return true;
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        return FILE.containsAll(perms) || EnumSet.of(PosixFilePermission.OWNER_READ).containsAll(perms);
    }

    /** Makes a directory's new or removed entries durable (Linux needs this after create/rename/delete). */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some file systems refuse to open directories; the data itself was already forced
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attr(Set<PosixFilePermission> perms) {
        return PosixFilePermissions.asFileAttribute(perms);
    }
}
