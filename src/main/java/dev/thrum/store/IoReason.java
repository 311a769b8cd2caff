package dev.thrum.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a read or write failed, in words: "permission denied", "no space left on device",
 * "read-only file system". The JDK's file exceptions often carry only the path as their message,
 * which tells the person where but not why.
 */
public final class IoReason {
    private IoReason() {}

    /** For a failure that may or may not be an IOException (an unchecked wrapper, a runtime error). */
    public static String of(Throwable t) {
        if (t instanceof IOException io) return of(io);
        if (t instanceof java.io.UncheckedIOException u) return of(u.getCause());
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public static String of(IOException e) {
        if (e instanceof TextFiles.NotUtf8) return e.getMessage();
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof NotDirectoryException) return "a part of the path is not a directory";
        if (e instanceof FileAlreadyExistsException) return "it already exists";
        if (e instanceof DirectoryNotEmptyException) return "the directory is not empty";
        if (e instanceof FileSystemException fs && fs.getReason() != null) return lower(fs.getReason());
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName().replace("Exception", "").toLowerCase(Locale.ROOT) + " error";
        return lower(m);
    }

    private static String lower(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
