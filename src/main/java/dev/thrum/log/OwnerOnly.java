package dev.thrum.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/** Creates directories and files readable by their owner only: the usage log is health data. */
final class OwnerOnly {
    static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} and any missing parents as rwx------ (what the XDG spec asks for). */
    static void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) missing.push(p);
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p, attr(DIR));
                Files.setPosixFilePermissions(p, DIR); // the umask may have taken bits away or not
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: fine
            }
        }
    }

    /** Opens a file for writing with the given options, creating it as rw------- if missing. */
    static FileChannel open(Path file, StandardOpenOption... options) throws IOException {
        Set<StandardOpenOption> opts = Set.of(options);
        java.util.HashSet<StandardOpenOption> all = new java.util.HashSet<>(opts);
        all.add(StandardOpenOption.CREATE);
        FileChannel ch = FileChannel.open(file, all, attr(FILE));
        Files.setPosixFilePermissions(file, FILE);
        return ch;
    }

    /** Makes a directory's new or removed entries durable (Linux needs this after create/rename/delete). */
    static void syncDirectory(Path dir) {
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
