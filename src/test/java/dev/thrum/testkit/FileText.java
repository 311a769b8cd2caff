package dev.thrum.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file's text for a failure message: what a child process printed so far, never an exception of its own. */
public final class FileText {
    private FileText() {}

    public static String of(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no " + file + ")";
        } catch (IOException e) {
            return "(unreadable " + file + ": " + e + ")";
        }
    }
}
