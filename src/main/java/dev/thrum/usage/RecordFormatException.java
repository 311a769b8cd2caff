package dev.thrum.usage;

/** A log line that is not a usable session record; the reader skips it with a warning. */
public final class RecordFormatException extends Exception {
    private final boolean foreign;

    RecordFormatException(String reason, boolean foreign) {
        super(reason);
        this.foreign = foreign;
    }

    /** True when the line is well-formed but does not look like a Thrum record at all. */
    public boolean foreign() { return foreign; }
}
