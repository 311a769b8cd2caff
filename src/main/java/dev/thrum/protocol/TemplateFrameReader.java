package dev.thrum.protocol;

import dev.thrum.profile.template.FrameTemplate;
import dev.thrum.profile.template.MatchResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts frames of known templates out of a byte stream. At the head of the buffer it looks for a
 * template whose whole frame is valid (literals, length field, checksum); while some template could
 * still match once more bytes arrive it waits; otherwise the head byte is garbage and is dropped, and
 * the search starts again one byte later. So a stream resynchronises on the next valid frame.
 * An open-ended template's frame ends where its to-the-end length field says; without such a field it
 * is cut at its fixed part, since nothing else on a stream marks where the unknown tail ends.
 */
public final class TemplateFrameReader implements FrameReader {

    private final List<FrameTemplate> templates;
    private byte[] buffer = new byte[64];
    private int size;
    private long discarded;

    public TemplateFrameReader(List<FrameTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    @Override
    public synchronized List<byte[]> feed(byte[] chunk) {
        append(chunk);
        List<byte[]> frames = new ArrayList<>();
        while (size > 0) {
            int matchedLength = 0;
            boolean waiting = false;
            for (FrameTemplate t : templates) {
                int length = t.streamLength(buffer, 0, size);
                if (length > 0 && size >= length) {
                    if (t.match(Arrays.copyOf(buffer, length)) instanceof MatchResult.Matched) {
                        matchedLength = length;
                        break;
                    }
                } else if (length != 0 && t.couldStartWith(buffer, 0, size)) {
                    waiting = true;
                }
            }
            if (matchedLength > 0) {
                frames.add(Arrays.copyOf(buffer, matchedLength));
                consume(matchedLength);
            } else if (waiting) {
                break;
            } else {
                consume(1);
                discarded++;
            }
        }
        return frames;
    }

    @Override
    public synchronized long discardedBytes() { return discarded; }

    @Override
    public synchronized List<byte[]> expire() {
        if (size == 0) return List.of();
        consume(1);
        discarded++;
        return feed(new byte[0]);
    }

    @Override
    public synchronized boolean waiting() { return size > 0; }

    private void append(byte[] chunk) {
        if (size + chunk.length > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + chunk.length));
        System.arraycopy(chunk, 0, buffer, size, chunk.length);
        size += chunk.length;
    }

    private void consume(int n) {
        System.arraycopy(buffer, n, buffer, 0, size - n);
        size -= n;
    }
}
