package dev.thrum.usage;

import java.nio.file.Path;

/** A line the reader skipped, with why; {@code line} counts from 1. */
public record LogWarning(Path file, long line, String reason) {
    @Override
    public String toString() {
        return file + " line " + line + ": skipped, " + reason;
    }
}
