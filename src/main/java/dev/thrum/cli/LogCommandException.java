package dev.thrum.cli;

/** A review command failed for a reason the message fully explains (exit status 1). */
final class LogCommandException extends RuntimeException {
    LogCommandException(String message) {
        super(message);
    }
}
