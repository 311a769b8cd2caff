package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.program.Side;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A quick path for reading the lines this program writes itself, which is what makes summarising a
 * million-session log fast. It parses JSON straight from the line's bytes and only takes the
 * plain cases: ASCII strings without escapes, numbers without exponents, the known field types.
 * Anything else makes it decline (return null) and the caller uses the full Jackson parser, which
 * also produces the error messages. So it never accepts what Jackson would refuse, and when it
 * accepts a line it yields the same record (a property test checks this).
 *
 * <p>Not thread-safe: one instance per reading pass (it keeps a small cache of repeated strings).
 *
 * <p>Kept because the numbers need it (docs/benchmarks.md, "Usage log"): Jackson's streaming parser
 * alone is markedly slower on a big log. One class over 350 lines because it is one recursive-descent
 * reader over one cursor ({@code b}, {@code pos}, {@code end}) and one decline path; split, every
 * part would share that cursor.
 */
final class FastRecordParser {
    private static final byte[] SCHEMA = SessionRecord.SCHEMA.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SCHEMA_V1 = SessionRecord.SCHEMA_V1.getBytes(StandardCharsets.US_ASCII);
    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }

    /** Thrown internally to decline a line; no stack trace, it is cheap. */
    private static final class Decline extends Exception {
        static final Decline INSTANCE = new Decline();
        private Decline() { super(null, null, false, false); }
    }

    private byte[] b;
    private int pos, end;
    // Small strings repeat constantly (regions, clients, programs): keep one String per distinct value.
    private final byte[][] cacheKeys = new byte[1024][];
    private final String[] cacheValues = new String[1024];
    private final List<StepReport> scratchSteps = new ArrayList<>(16);
    private DeviceInfo lastDevice;

    /** The record on the line, or null when the line needs the full parser. */
    SessionRecord parse(byte[] buf, int off, int len) {
        b = buf;
        pos = off;
        end = off + len;
        try {
            SessionRecord r = record();
            ws();
            return pos == end ? r : null;
        } catch (Decline | RuntimeException e) {
            return null;
        }
    }

    private SessionRecord record() throws Decline {
        expect('{');
        boolean schemaOk = false;
        String id = null, client = null, clientId = null, programId = null, programName = null, profile = null, address = null;
        Instant started = null, ended = null;
        double active = 0, paused = 0;
        int interruptions = 0;
        Outcome outcome = null;
        List<String> warnings = List.of();
        List<StepReport> steps = List.of();
        if (!peek('}')) {
            do {
                int k = keyStart();
                int klen = keyLength(k);
                if (is(k, klen, "schema")) schemaOk = schema();
                else if (is(k, klen, "id")) id = uncachedString();
                else if (is(k, klen, "client")) client = string();
                else if (is(k, klen, "clientId")) clientId = string();
                else if (is(k, klen, "programId")) programId = string();
                else if (is(k, klen, "programName")) programName = string();
                else if (is(k, klen, "device")) {
                    // Like the full parser: null leaves earlier values, missing fields keep theirs.
                    if (!literalNull()) {
                        expect('{');
                        if (!peek('}')) {
                            do {
                                int dk = keyStart();
                                int dlen = keyLength(dk);
                                if (is(dk, dlen, "profile")) profile = string();
                                else if (is(dk, dlen, "address")) address = string();
                                else skipValue(0);
                            } while (comma());
                        }
                        expect('}');
                    }
                }
                else if (is(k, klen, "startedAt")) started = instant();
                else if (is(k, klen, "endedAt")) ended = instant();
                else if (is(k, klen, "activeSeconds")) active = number();
                else if (is(k, klen, "pausedSeconds")) paused = number();
                else if (is(k, klen, "outcome")) outcome = outcome();
                else if (is(k, klen, "interruptions")) interruptions = (int) number();
                else if (is(k, klen, "warnings")) warnings = strings();
                else if (is(k, klen, "steps")) steps = steps();
                // Pain scores are rare and need range checks: the full parser takes those lines.
                else if (is(k, klen, "note") || (klen > 4 && is(k, 4, "pain"))) throw Decline.INSTANCE;
                else skipValue(0);
            } while (comma());
        }
        expect('}');
        if (!schemaOk || id == null || started == null) throw Decline.INSTANCE;
        return new SessionRecord(id, client, programId, programName, device(profile, address),
                started, ended, active, paused, outcome, interruptions, warnings, steps, PainScores.NONE, clientId);
    }

    /** Cached strings make equal devices identical strings, so the last DeviceInfo can be reused. */
    private DeviceInfo device(String profile, String address) {
        if (profile == null && address == null) return null;
        DeviceInfo last = lastDevice;
        if (last != null && last.profileId() == profile && last.address() == address) return last;
        return lastDevice = new DeviceInfo(profile, address);
    }

    private List<StepReport> steps() throws Decline {
        if (literalNull()) return List.of();
        expect('[');
        List<StepReport> steps = scratchSteps;
        steps.clear();
        if (!peek(']')) {
            do {
                expect('{');
                int index = steps.size(), softer = 0, harder = 0;
                String region = null;
                Side side = Side.NONE;
                boolean rest = false, skipped = false;
                double planned = 0, actual = 0, peak = 0, mean = 0;
                if (!peek('}')) {
                    do {
                        int k = keyStart();
                        int klen = keyLength(k);
                        // Dispatch on the first letter: this loop runs for every step of every line.
                        switch (b[k]) {
                            case 'i' -> { if (is(k, klen, "index")) index = (int) number(); else skipValue(0); }
                            case 'r' -> {
                                if (is(k, klen, "region")) region = string();
                                else if (is(k, klen, "rest")) rest = bool();
                                else skipValue(0);
                            }
                            case 's' -> {
                                if (is(k, klen, "side")) side = side();
                                else if (is(k, klen, "softer")) softer = (int) number();
                                else if (is(k, klen, "skipped")) skipped = bool();
                                else skipValue(0);
                            }
                            case 'p' -> {
                                if (is(k, klen, "plannedSeconds")) planned = number();
                                else if (is(k, klen, "peakIntensity")) peak = number();
                                else if (is(k, klen, "pressure")) throw Decline.INSTANCE; // read by the full parser
                                else skipValue(0);
                            }
                            case 'a' -> { if (is(k, klen, "actualSeconds")) actual = number(); else skipValue(0); }
                            case 'm' -> { if (is(k, klen, "meanIntensity")) mean = number(); else skipValue(0); }
                            case 'h' -> { if (is(k, klen, "harder")) harder = (int) number(); else skipValue(0); }
                            default -> skipValue(0);
                        }
                    } while (comma());
                }
                expect('}');
                steps.add(new StepReport(index, region, side, rest, planned, actual, peak, mean, softer, harder, skipped));
            } while (comma());
        }
        expect(']');
        return List.copyOf(steps); // immutable already, so the record keeps it without copying again
    }

    private List<String> strings() throws Decline {
        if (literalNull()) return List.of();
        expect('[');
        if (peek(']')) { pos++; return List.of(); }
        List<String> out = new ArrayList<>(2);
        do {
            String s = uncachedString();
            if (s == null) throw Decline.INSTANCE; // Jackson would give "null" as text: leave it to Jackson
            out.add(s);
        } while (comma());
        expect(']');
        return out;
    }

    // ---- values ----

    private boolean schema() throws Decline {
        ws();
        if (pos >= end || b[pos] != '"') throw Decline.INSTANCE;
        int s = pos + 1;
        int e = stringEnd(s);
        pos = e + 1;
        // Another version: let the full parser explain.
        if (!Arrays.equals(b, s, e, SCHEMA, 0, SCHEMA.length) && !Arrays.equals(b, s, e, SCHEMA_V1, 0, SCHEMA_V1.length))
            throw Decline.INSTANCE;
        return true;
    }

    /** A string that repeats across lines (region, client, program...): one String per distinct value. */
    private String string() throws Decline {
        if (literalNull()) return null;
        if (b[pos] != '"') throw Decline.INSTANCE;
        int s = pos + 1;
        int e = stringEnd(s);
        pos = e + 1;
        return cached(s, e - s);
    }

    /** A string unique to its line (ids, warnings): caching would only evict useful entries. */
    private String uncachedString() throws Decline {
        if (literalNull()) return null;
        if (b[pos] != '"') throw Decline.INSTANCE;
        int s = pos + 1;
        int e = stringEnd(s);
        pos = e + 1;
        return new String(b, s, e - s, StandardCharsets.US_ASCII);
    }

    /** Index of the closing quote; declines on escapes, control characters and non-ASCII bytes. */
    private int stringEnd(int s) throws Decline {
        for (int i = s; i < end; i++) {
            byte c = b[i];
            if (c == '"') return i;
            if (c == '\\' || c < 0x20) throw Decline.INSTANCE; // c < 0 too: non-ASCII
        }
        throw Decline.INSTANCE;
    }

    private String cached(int s, int len) {
        if (len > 48) return new String(b, s, len, StandardCharsets.US_ASCII);
        int h = 1;
        for (int i = s; i < s + len; i++) h = 31 * h + b[i];
        int slot = (h ^ (h >>> 16)) & (cacheKeys.length - 1);
        byte[] k = cacheKeys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, b, s, s + len)) return cacheValues[slot];
        String v = new String(b, s, len, StandardCharsets.US_ASCII);
        cacheKeys[slot] = Arrays.copyOfRange(b, s, s + len);
        cacheValues[slot] = v;
        return v;
    }

    private Instant instant() throws Decline {
        if (literalNull()) return null;
        if (b[pos] != '"') throw Decline.INSTANCE;
        int s = pos + 1;
        int e = stringEnd(s);
        pos = e + 1;
        Instant quick = FastInstant.parse(b, s, e);
        if (quick != null) return quick;
        try {
            return FastInstant.parse(new String(b, s, e - s, StandardCharsets.US_ASCII));
        } catch (RuntimeException ex) {
            throw Decline.INSTANCE;
        }
    }

    private Outcome outcome() throws Decline {
        String s = string();
        if (s == null) return null;
        return switch (s) {
            case "completed" -> Outcome.COMPLETED;
            case "stopped_by_user" -> Outcome.STOPPED_BY_USER;
            case "stopped_by_limit" -> Outcome.STOPPED_BY_LIMIT;
            case "link_lost" -> Outcome.LINK_LOST;
            case "interrupted" -> Outcome.INTERRUPTED;
            default -> throw Decline.INSTANCE;
        };
    }

    private Side side() throws Decline {
        if (literalNull()) return Side.NONE;
        if (match("\"left\"")) return Side.LEFT;
        if (match("\"right\"")) return Side.RIGHT;
        if (match("\"none\"")) return Side.NONE;
        throw Decline.INSTANCE;
    }

    private boolean bool() throws Decline {
        ws();
        if (match("true")) return true;
        if (match("false") || match("null")) return false;
        throw Decline.INSTANCE;
    }

    /**
     * A JSON number without exponent and with at most 15 significant digits: the mantissa and the
     * power of ten are both exact doubles, so one division gives the correctly rounded value, the
     * same as Double.parseDouble.
     */
    private double number() throws Decline {
        if (literalNull()) return 0;
        boolean neg = false;
        if (b[pos] == '-') { neg = true; pos++; }
        int start = pos;
        long mant = 0;
        int digits = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') { mant = mant * 10 + (b[pos] - '0'); pos++; digits++; }
        if (digits == 0 || (digits > 1 && b[start] == '0')) throw Decline.INSTANCE;
        int frac = 0;
        if (pos < end && b[pos] == '.') {
            pos++;
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') { mant = mant * 10 + (b[pos] - '0'); pos++; frac++; }
            if (frac == 0) throw Decline.INSTANCE;
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) throw Decline.INSTANCE;
        if (digits + frac > 15) throw Decline.INSTANCE;
        if (frac == 0) return neg ? (double) -mant : (double) mant; // "-0" is the integer 0, as in Jackson
        double v = mant / POW10[frac];
        return neg ? -v : v;
    }

    private void skipValue(int depth) throws Decline {
        if (depth > 8) throw Decline.INSTANCE; // deep nesting is never ours: let Jackson judge it
        ws();
        if (pos >= end) throw Decline.INSTANCE;
        byte c = b[pos];
        if (c == '"') { pos = stringEnd(pos + 1) + 1; return; }
        if (c == '{') {
            pos++;
            if (!peek('}')) {
                do { keyStart(); skipValue(depth + 1); } while (comma());
            }
            expect('}');
            return;
        }
        if (c == '[') {
            pos++;
            if (!peek(']')) {
                do { skipValue(depth + 1); } while (comma());
            }
            expect(']');
            return;
        }
        if (match("true") || match("false") || match("null")) return;
        number();
    }

    // ---- syntax ----

    /** Reads {@code "key":} and returns the index of the key's first byte; its length via keyLength. */
    private int keyStart() throws Decline {
        ws();
        if (pos >= end || b[pos] != '"') throw Decline.INSTANCE;
        int s = pos + 1;
        int e = stringEnd(s);
        keyEnd = e;
        pos = e + 1;
        expect(':');
        ws();
        if (pos >= end) throw Decline.INSTANCE;
        return s;
    }

    private int keyEnd;

    private int keyLength(int start) {
        return keyEnd - start;
    }

    private boolean is(int s, int len, String key) {
        if (len != key.length()) return false;
        for (int i = 0; i < len; i++) if (b[s + i] != key.charAt(i)) return false;
        return true;
    }

    private boolean literalNull() throws Decline {
        ws();
        if (pos >= end) throw Decline.INSTANCE;
        return match("null");
    }

    private boolean match(String lit) {
        int n = lit.length();
        if (end - pos < n) return false;
        for (int i = 0; i < n; i++) if (b[pos + i] != lit.charAt(i)) return false;
        pos += n;
        return true;
    }

    private void ws() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            pos++;
        }
    }

    private boolean peek(char c) throws Decline {
        ws();
        if (pos >= end) throw Decline.INSTANCE;
        return b[pos] == c;
    }

    private void expect(char c) throws Decline {
        ws();
        if (pos >= end || b[pos] != c) throw Decline.INSTANCE;
        pos++;
    }

    private boolean comma() throws Decline {
        ws();
        if (pos < end && b[pos] == ',') { pos++; return true; }
        return false;
    }
}
