package dev.thrum.profile.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A compiled frame template (syntax in docs/device-profiles.md): frames made of literal bytes,
 * wildcards, named values, length fields and checksums, optionally ending in {@code ...} ("any
 * further bytes", for a frame whose tail the sources do not describe). Immutable; the same template
 * reads and writes, which is what lets one profile serve both the host and the simulated device.
 * One class over 350 lines because parsing, checking, reading and writing share the slot layout
 * and its rules (ranges measured on the real frame length); split, each part would re-derive them.
 */
public final class FrameTemplate {

    private static final Pattern HEX = Pattern.compile("(?:[0-9A-Fa-f]{2})+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)?");

    /** The token that ends an open-ended template: any number of further bytes. */
    public static final String OPEN_TAIL = "...";

    /**
     * The longest frame an open-ended template accepts: the largest value a BLE attribute can hold
     * (512 bytes), so a garbage length field on a stream cannot make a reader wait for kilobytes.
     */
    public static final int MAX_OPEN_LENGTH = 512;

    private final String text;
    private final List<Slot> slots;
    private final int minLength;
    private final boolean openEnded;

    private FrameTemplate(String text, List<Slot> slots, int minLength, boolean openEnded) {
        this.text = text;
        this.slots = List.copyOf(slots);
        this.minLength = minLength;
        this.openEnded = openEnded;
    }

    public String text() { return text; }

    public List<Slot> slots() { return slots; }

    /**
     * The bytes the template describes: every frame has exactly this many, or, when the template is
     * {@linkplain #openEnded() open-ended}, at least this many. Frames written by {@link #fill} have this length.
     */
    public int minLength() { return minLength; }

    /** Whether the template ends in {@code ...}, so frames may carry further bytes after its slots. */
    public boolean openEnded() { return openEnded; }

    /** The frame length for messages: {@code 17}, or {@code at least 17} for an open-ended template. */
    public String lengthText() { return openEnded ? "at least " + minLength : Integer.toString(minLength); }

    /** Names of the value slots, in order (for commands: normally just {@code speed}). */
    public List<Slot.Value> values() {
        List<Slot.Value> out = new ArrayList<>();
        for (Slot s : slots) if (s instanceof Slot.Value v) out.add(v);
        return out;
    }

    /** The slot covering byte {@code index} of the shortest frame. */
    public Slot slotAt(int index) {
        for (Slot s : slots) {
            int at = at(s, minLength);
            if (index >= at && index < at + s.width()) return s;
        }
        throw new IndexOutOfBoundsException(index);
    }

    /** Where a slot starts in a frame of this length: a checksum after {@code ...} counts from the end. */
    public static int at(Slot s, int frameLength) { return s.at() < 0 ? frameLength + s.at() : s.at(); }

    // ---- parsing ------------------------------------------------------------------------------

    public static FrameTemplate parse(String text) throws TemplateSyntaxException {
        List<Slot> slots = new ArrayList<>();
        int at = 0;
        int i = 0;
        int openColumn = 0;
        List<Slot.Checksum> trailing = new ArrayList<>();
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) { i++; continue; }
            int start = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
            String token = text.substring(start, i);
            int column = start + 1;
            if (openColumn > 0) {
                // Only checksums may follow '...': they sit at the end of the real frame (serial
                // protocols close a frame of any length with its CRC).
                if (token.startsWith("{") && token.endsWith("}") && token.length() > 2
                        && placeholder(token.substring(1, token.length() - 1), 0, column) instanceof Slot.Checksum c) {
                    trailing.add(c);
                    continue;
                }
                throw new TemplateSyntaxException("'" + OPEN_TAIL + "' (any further bytes) must be the last token"
                        + " of a template, or be followed only by checksums, which then end the real frame; move '"
                        + token + "' before it or remove it", column);
            }
            if (token.equals(OPEN_TAIL)) {
                openColumn = column;
            } else if (token.equals("..")) {
                slots.add(new Slot.Wildcard(at++));
            } else if (HEX.matcher(token).matches()) {
                for (byte b : HexFormat.of().parseHex(token)) slots.add(new Slot.Literal(at++, b & 0xFF));
            } else if (token.startsWith("{") && token.endsWith("}") && token.length() > 2) {
                Slot slot = placeholder(token.substring(1, token.length() - 1), at, column);
                slots.add(slot);
                at += slot.width();
            } else if (token.startsWith("{")) {
                throw new TemplateSyntaxException("'" + token + "' is not a complete placeholder: write it"
                        + " without spaces inside the braces, like {speed:u16be} or {sum8:2..}", column);
            } else {
                throw new TemplateSyntaxException("'" + token + "' is not a hex byte, '..', '...' or a"
                        + " {placeholder}; write bytes as two hex digits separated by spaces, like AA 01", column);
            }
        }
        if (slots.isEmpty()) throw new TemplateSyntaxException("the template is empty; write at least one byte", 0);
        // trailing checksums count back from the end of the frame: their 'at' is negative
        int tail = trailing.stream().mapToInt(Slot::width).sum();
        int back = tail;
        for (Slot.Checksum c : trailing) {
            slots.add(new Slot.Checksum(-back, c.spec()));
            back -= c.width();
        }
        FrameTemplate t = new FrameTemplate(text, slots, at + tail, openColumn > 0);
        t.checkRanges();
        return t;
    }

    private static Slot placeholder(String body, int at, int column) throws TemplateSyntaxException {
        String[] parts = body.split(":", -1);
        String head = parts[0];
        if (head.equals("len")) return lengthSlot(parts, at, column);
        var kind = ChecksumKind.parse(head);
        if (kind.isPresent()) return checksumSlot(kind.get(), parts, at, column);
        if (head.startsWith("crc") || head.startsWith("sum") || head.startsWith("xor") || head.startsWith("chk"))
            throw new TemplateSyntaxException("unknown checksum kind '" + head + "'; use one of "
                    + ChecksumKind.spellings(), column);
        if (!NAME.matcher(head).matches())
            throw new TemplateSyntaxException("'{" + body + "}' does not start with a name; write {NAME:TYPE}"
                    + " such as {speed:u16be}", column);
        if (parts.length != 2)
            throw new TemplateSyntaxException("value placeholder '{" + body + "}' needs exactly a name and a"
                    + " type, like {" + head + ":u16be}", column);
        IntType type = intType(parts[1], column);
        return new Slot.Value(at, head, type);
    }

    private static Slot lengthSlot(String[] parts, int at, int column) throws TemplateSyntaxException {
        if (parts.length < 2 || parts.length > 3)
            throw new TemplateSyntaxException("a length field is written {len:TYPE} or {len:TYPE:FROM..TO},"
                    + " like {len:u8} or {len:u16be:4..-3}", column);
        IntType type = intType(parts[1], column);
        ByteRange range = parts.length == 3 ? range(parts[2], column) : new ByteRange(0, ByteRange.END);
        return new Slot.Length(at, type, range);
    }

    private static Slot checksumSlot(ChecksumKind kind, String[] parts, int at, int column)
            throws TemplateSyntaxException {
        if (parts.length < 2)
            throw new TemplateSyntaxException("checksum '" + kind.spelling() + "' needs the bytes it covers,"
                    + " like {" + kind.spelling() + ":2..}", column);
        ByteRange range = range(parts[1], column);
        int poly = kind.defaultPoly();
        int init = kind.defaultInit();
        boolean bigEndian = kind.defaultBigEndian();
        for (int p = 2; p < parts.length; p++) {
            String opt = parts[p];
            if (opt.equals("be") || opt.equals("le")) {
                if (kind.width() == 1)
                    throw new TemplateSyntaxException("'" + opt + "' (byte order) means nothing for the one-byte"
                            + " checksum " + kind.spelling() + "; remove it", column);
                bigEndian = opt.equals("be");
            } else if (opt.startsWith("poly=") || opt.startsWith("init=")) {
                if (!kind.takesPolynomial())
                    throw new TemplateSyntaxException("'" + opt + "' means nothing for " + kind.spelling()
                            + "; only crc kinds take poly= and init=", column);
                int value = hexParam(opt, kind, column);
                if (opt.startsWith("poly=")) poly = value; else init = value;
            } else {
                throw new TemplateSyntaxException("unknown checksum option '" + opt + "'; options are be, le,"
                        + " poly=HEX and init=HEX", column);
            }
        }
        return new Slot.Checksum(at, new ChecksumSpec(kind, range, poly, init, bigEndian));
    }

    private static int hexParam(String opt, ChecksumKind kind, int column) throws TemplateSyntaxException {
        String digits = opt.substring(5);
        if (digits.startsWith("0x") || digits.startsWith("0X")) digits = digits.substring(2);
        int maxDigits = kind.width() * 2;
        if (digits.isEmpty() || digits.length() > maxDigits || !digits.matches("[0-9A-Fa-f]+"))
            throw new TemplateSyntaxException("'" + opt + "' needs a hex value of at most " + maxDigits
                    + " digits, like " + opt.substring(0, 5) + (kind.width() == 1 ? "07" : "1021"), column);
        // parsed as a long: eight hex digits (a crc32 value) can be above Integer.MAX_VALUE
        return (int) Long.parseLong(digits, 16);
    }

    private static IntType intType(String text, int column) throws TemplateSyntaxException {
        return IntType.parse(text).orElseThrow(() -> new TemplateSyntaxException(
                "unknown value type '" + text + "'; use one of " + IntType.spellings(), column));
    }

    private static ByteRange range(String text, int column) throws TemplateSyntaxException {
        var m = RANGE.matcher(text);
        if (!m.matches())
            throw new TemplateSyntaxException("'" + text + "' is not a byte range; write FROM..TO (inclusive,"
                    + " negative counts from the end, TO may be left out for 'to the end'), like 2.. or 0..-3",
                    column);
        int from = offset(m.group(1), text, column);
        int to = m.group(2) == null ? ByteRange.END : offset(m.group(2), text, column);
        return new ByteRange(from, to);
    }

    /** A frame is a few dozen bytes; an offset of more digits than this is a typo, not a frame. */
    private static final int MAX_OFFSET = 4096;

    private static int offset(String digits, String text, int column) throws TemplateSyntaxException {
        String magnitude = digits.startsWith("-") ? digits.substring(1) : digits;
        if (magnitude.length() > 4 || Integer.parseInt(magnitude) > MAX_OFFSET)
            throw new TemplateSyntaxException("byte offset " + digits + " in '" + text + "' is far past the end of any frame"
                    + " (at most " + MAX_OFFSET + "); count the frame's bytes from 0", column);
        return Integer.parseInt(digits);
    }

    // An open-ended frame's ranges are measured on the real frame, so they are checked at the
    // shortest length and at a length long enough for every end-relative range to reach past the
    // fixed slots (the most a range can cover of them).
    private void checkRanges() throws TemplateSyntaxException {
        if (!openEnded) { checkRanges(minLength); return; }
        int reach = 0;
        for (Slot s : slots) {
            ByteRange r = rangeOf(s);
            if (r == null) continue;
            if (r.from() < 0)
                throw new TemplateSyntaxException((s instanceof Slot.Length ? "len" : "checksum") + " range " + r
                        + " counts its start from the end, which moves with the length of an open-ended ('"
                        + OPEN_TAIL + "') frame; start it at a fixed byte, like " + Math.max(0, minLength + r.from())
                        + "..", 0);
            if (r.to() < 0) reach = Math.max(reach, -r.to());
        }
        checkRanges(minLength);
        checkRanges(minLength + reach);
    }

    private static ByteRange rangeOf(Slot s) {
        if (s instanceof Slot.Checksum c) return c.spec().range();
        if (s instanceof Slot.Length l) return l.range();
        return null;
    }

    private void checkRanges(int length) throws TemplateSyntaxException {
        for (Slot s : slots) {
            ByteRange r = rangeOf(s);
            if (r == null) continue;
            String what = s instanceof Slot.Checksum c ? c.spec().kind().spelling() : "len";
            if (!r.validFor(length))
                throw new TemplateSyntaxException(what + " range " + r + " does not fit in this " + length
                        + "-byte frame; byte positions run 0.." + (length - 1) + " (or -1..-" + length + ")", 0);
            if (s instanceof Slot.Checksum c) {
                for (Slot other : slots) {
                    if (!(other instanceof Slot.Checksum)) continue;
                    for (int b = at(other, length); b < at(other, length) + other.width(); b++) {
                        if (r.contains(b, length))
                            throw new TemplateSyntaxException(what + " at byte " + at(c, length) + " covers byte " + b
                                    + ", which is " + (other == c ? "its own" : "another checksum's")
                                    + " place; narrow the range, for example "
                                    + suggestRange(c, length), 0);
                    }
                }
            }
        }
    }

    private static String suggestRange(Slot.Checksum c, int length) {
        int at = at(c, length);
        return at == 0 ? "1.." : at == length - c.width()
                ? "0.." + (-c.width() - 1) : (at + c.width()) + "..";
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Checks a whole frame against the template and reads its values. Never throws. */
    public MatchResult match(byte[] frame) {
        int length = frame.length;
        if (length < minLength || (!openEnded && length != minLength))
            return new MatchResult.Mismatch("frame has " + length + " bytes, expected " + lengthText(),
                    lengthMismatchCloseness(frame));
        if (openEnded && length > MAX_OPEN_LENGTH)
            return new MatchResult.Mismatch("frame has " + length + " bytes, more than the " + MAX_OPEN_LENGTH
                    + " an open-ended frame may have", lengthMismatchCloseness(frame));
        int closeness = 1;
        for (Slot s : slots) {
            if (s instanceof Slot.Literal lit) {
                int b = frame[lit.at()] & 0xFF;
                if (b != lit.value())
                    return new MatchResult.Mismatch(String.format("byte %d is 0x%02X, expected 0x%02X",
                            lit.at(), b, lit.value()), closeness);
                closeness++;
            }
        }
        for (Slot s : slots) {
            if (s instanceof Slot.Length len) {
                long expected = lengthValue(len, length);
                long found = len.type().read(frame, len.at());
                if (found != expected)
                    return new MatchResult.Mismatch("length field at byte " + len.at() + " says " + found
                            + ", expected " + expected, closeness);
                closeness++;
            }
        }
        for (Slot s : slots) {
            if (s instanceof Slot.Checksum c) {
                ChecksumSpec spec = c.spec();
                int first = spec.range().first(length), last = spec.range().last(length);
                int expected = spec.compute(frame, first, last);
                int found = spec.read(frame, at(c, length));
                if (found != expected) {
                    String digits = "0x%0" + (2 * spec.kind().width()) + "X";
                    return new MatchResult.Mismatch(String.format("%s over bytes %d..%d is " + digits
                            + ", frame says " + digits, spec.kind().spelling(), first, last, expected, found),
                            closeness);
                }
                closeness++;
            }
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (Slot.Value v : values()) values.put(v.name(), v.type().read(frame, v.at()));
        return new MatchResult.Matched(values);
    }

    // A frame of the wrong length whose literals all agree is this template's kind cut short (or
    // grown): it ranks as close as if those literals had matched, above templates of the right
    // length whose literals disagree, so the reason given is its length, not another kind's byte.
    private int lengthMismatchCloseness(byte[] frame) {
        int agreeing = 0;
        for (Slot s : slots) {
            if (!(s instanceof Slot.Literal lit) || lit.at() >= frame.length) continue;
            if ((frame[lit.at()] & 0xFF) != lit.value()) return 0;
            agreeing++;
        }
        return agreeing == 0 ? 0 : 1 + agreeing;
    }

    /**
     * Whether {@code count} bytes starting at {@code offset} could be the start of a frame of this
     * template: the literals and the length field seen so far fit.
     */
    public boolean couldStartWith(byte[] buffer, int offset, int count) {
        int n = Math.min(count, minLength);
        for (Slot s : slots) {
            if (s instanceof Slot.Literal lit && lit.at() < n && (buffer[offset + lit.at()] & 0xFF) != lit.value())
                return false;
        }
        for (Slot s : slots) {
            if (s instanceof Slot.Length len && len.at() + len.width() <= n) {
                long found = len.type().read(Arrays.copyOfRange(buffer, offset, offset + len.at() + len.width()),
                        len.at());
                if (len == framingLength()) { if (lengthFromField(len, found) < 0) return false; }
                else if (found != lengthValue(len, minLength)) return false;
            }
        }
        return true;
    }

    /**
     * On a byte stream: how many bytes the frame that starts at {@code offset} takes. A closed
     * template's frames have its fixed length. An open-ended one's length comes from its length field
     * that counts to the end of the frame: -1 while that field has not arrived yet, 0 when its value
     * cannot be this template's (too short, or longer than {@link #MAX_OPEN_LENGTH}). An open-ended
     * template without such a field is cut at its fixed part (docs/device-profiles.md says why).
     */
    public int streamLength(byte[] buffer, int offset, int count) {
        Slot.Length len = framingLength();
        if (len == null) return minLength;
        if (count < len.at() + len.width()) return -1;
        long found = len.type().read(Arrays.copyOfRange(buffer, offset, offset + len.at() + len.width()), len.at());
        return Math.max(0, lengthFromField(len, found));
    }

    /** The length field that tells an open-ended frame's length: one whose range runs to the end. */
    public Slot.Length framingLength() {
        if (!openEnded) return null;
        for (Slot s : slots)
            if (s instanceof Slot.Length len && len.range().to() < 0) return len;
        return null;
    }

    // The frame length a to-the-end length field's value implies (-1 when no valid length does):
    // the range covers frameLength + to - from + 1 bytes (to is negative, from is not).
    private int lengthFromField(Slot.Length len, long value) {
        long frameLength = value - len.range().to() + len.range().from() - 1;
        return frameLength >= minLength && frameLength <= MAX_OPEN_LENGTH ? (int) frameLength : -1;
    }

    private static long lengthValue(Slot.Length len, int frameLength) {
        return len.range().last(frameLength) - len.range().first(frameLength) + 1L;
    }

    // ---- writing ------------------------------------------------------------------------------

    /**
     * Builds a frame of {@link #minLength()} bytes (an open-ended template writes no further bytes):
     * literals, the given values, lengths and checksums; wildcards become 00.
     * {@code extra} writes further bytes (status fields) before checksums are computed.
     *
     * @throws IllegalArgumentException when a value is missing or does not fit its type
     */
    public byte[] fill(Map<String, Long> values, Consumer<byte[]> extra) {
        byte[] frame = new byte[minLength];
        for (Slot s : slots) {
            if (s instanceof Slot.Literal lit) frame[lit.at()] = (byte) lit.value();
            else if (s instanceof Slot.Value v) {
                Long value = values.get(v.name());
                if (value == null) throw new IllegalArgumentException("no value given for {" + v.name() + "}");
                v.type().write(frame, v.at(), value);
            } else if (s instanceof Slot.Length len) len.type().write(frame, len.at(), lengthValue(len, minLength));
        }
        if (extra != null) extra.accept(frame);
        for (Slot s : slots) {
            if (s instanceof Slot.Checksum c) {
                ChecksumSpec spec = c.spec();
                spec.write(frame, at(c, minLength), spec.compute(frame, spec.range().first(minLength), spec.range().last(minLength)));
            }
        }
        return frame;
    }

    public byte[] fill(Map<String, Long> values) { return fill(values, null); }

    @Override
    public String toString() { return text; }
}
