package dev.thrum.profile.template;

/**
 * An inclusive byte range of a frame, written {@code FROM..TO}. Negative positions count from the
 * end (-1 is the last byte); an omitted TO means the last byte. So {@code 2..} is "byte 2 to the end"
 * and {@code 0..-3} is "everything but the last two bytes".
 */
public record ByteRange(int from, int to) {

    public static final int END = -1;

    /** First byte index within a frame of the given length. */
    public int first(int length) { return from < 0 ? length + from : from; }

    /** Last byte index (inclusive) within a frame of the given length. */
    public int last(int length) { return to < 0 ? length + to : to; }

    public boolean validFor(int length) {
        int a = first(length), b = last(length);
        return a >= 0 && b < length && a <= b;
    }

    public boolean contains(int index, int length) {
        return index >= first(length) && index <= last(length);
    }

    @Override
    public String toString() { return from + ".." + (to == END ? "" : Integer.toString(to)); }
}
