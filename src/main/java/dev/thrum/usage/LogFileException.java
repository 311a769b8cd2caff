package dev.thrum.usage;

import java.nio.file.Path;

/** A whole file refused: unreadable, or not a Thrum usage log. The message names the path and why. */
public final class LogFileException extends Exception {
    private final Path file;

    public LogFileException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public Path file() { return file; }
}
