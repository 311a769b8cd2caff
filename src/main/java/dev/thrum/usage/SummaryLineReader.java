package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.program.Side;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * The summary's own quick path (docs/benchmarks.md, "Usage log"): adds a line to a {@link Summary}
 * straight from its bytes, without a {@link SessionRecord}, when the line is exactly in the form
 * {@link RecordJson} writes: schema 2, the fields in the writer's order, no spaces, no pain fields or
 * step pressure, ASCII strings without escapes, numbers without exponents. Anything else returns false
 * and the caller reads the line the usual way, so this path never decides what a line means.
 *
 * <p>Why its answers are exact: every line it takes is one {@link FastRecordParser} also takes (its
 * rules are the same or stricter) and gives the same values from, and both paths add them to the
 * summary through the same methods in the same order. The summary is only touched once the whole
 * line has been checked. Not thread-safe: one per reading thread.
 */
public final class SummaryLineReader {
    private static final byte[] HEAD = b("{\"schema\":\"thrum.session/2\",\"id\":");
    private static final byte[] CLIENT = b(",\"client\":");
    private static final byte[] CLIENT_ID = b(",\"clientId\":");
    private static final byte[] PROGRAM_ID = b(",\"programId\":");
    private static final byte[] PROGRAM_NAME = b(",\"programName\":");
    private static final byte[] DEVICE = b(",\"device\":{\"profile\":");
    private static final byte[] ADDRESS = b(",\"address\":");
    private static final byte[] STARTED = b("},\"startedAt\":");
    private static final byte[] ENDED = b(",\"endedAt\":");
    private static final byte[] ACTIVE = b(",\"activeSeconds\":");
    private static final byte[] PAUSED = b(",\"pausedSeconds\":");
    private static final byte[] OUTCOME = b(",\"outcome\":");
    private static final byte[] INTERRUPTIONS = b(",\"interruptions\":");
    private static final byte[] WARNINGS = b(",\"warnings\":[");
    private static final byte[] STEPS = b(",\"steps\":[");
    private static final byte[] INDEX = b("{\"index\":");
    private static final byte[] REGION = b(",\"region\":");
    private static final byte[] SIDE = b(",\"side\":");
    private static final byte[] REST = b(",\"rest\":");
    private static final byte[] PLANNED = b(",\"plannedSeconds\":");
    private static final byte[] ACTUAL = b(",\"actualSeconds\":");
    private static final byte[] PEAK = b(",\"peakIntensity\":");
    private static final byte[] MEAN = b(",\"meanIntensity\":");
    private static final byte[] SOFTER = b(",\"softer\":");
    private static final byte[] HARDER = b(",\"harder\":");
    private static final byte[] SKIPPED = b(",\"skipped\":");
    private static final byte[] NULL = b("null"), TRUE = b("true"), FALSE = b("false");
    private static final byte[] LEFT = b("\"left\""), RIGHT = b("\"right\""), NONE = b("\"none\"");
    /** A string equal to the outcome line's schema makes the reader treat the line as an outcome line. */
    private static final byte[] OUTCOME_SCHEMA = b(OutcomeNote.SCHEMA);
    private static final Outcome[] OUTCOMES = Outcome.values();
    private static final byte[][] OUTCOME_TEXT = new byte[OUTCOMES.length][];
    private static final double[] POW10 = new double[16];
    static {
        for (int i = 0; i < OUTCOMES.length; i++) OUTCOME_TEXT[i] = b("\"" + OUTCOMES[i].name().toLowerCase(Locale.ROOT) + "\"");
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }

    /** Thrown to give up on a line; no stack trace, it is cheap. */
    private static final class NotPlain extends Exception {
        static final NotPlain INSTANCE = new NotPlain();
        private NotPlain() { super(null, null, false, false); }
    }

    private final Summary summary;
    private byte[] buf;
    private int pos, end;
    // Small strings repeat on every line (regions, clients, programs): one String per distinct value.
    private final byte[][] cacheKeys = new byte[1024][];
    private final String[] cacheValues = new String[1024];
    // The current line's treated steps, held until the whole line is known to be plain.
    private String[] regions = new String[16];
    private int[] sides = new int[16];
    private double[] seconds = new double[16];
    private int treatedSteps;

    public SummaryLineReader(Summary summary) {
        this.summary = summary;
    }

    /** Adds the record on the line to the summary and returns true, or returns false and adds nothing. */
    public boolean read(byte[] line, int off, int len) {
        buf = line;
        pos = off;
        end = off + len;
        treatedSteps = 0;
        try {
            literal(HEAD);
            if (string() == null) return false; // a record needs its id
            literal(CLIENT);
            String client = string();
            if (at(CLIENT_ID)) string();
            literal(PROGRAM_ID);
            String programId = string();
            literal(PROGRAM_NAME);
            string();
            literal(DEVICE);
            string();
            literal(ADDRESS);
            string();
            literal(STARTED);
            Instant started = instant();
            if (started == null) return false;
            literal(ENDED);
            instant();
            literal(ACTIVE);
            double active = number();
            literal(PAUSED);
            double paused = number();
            literal(OUTCOME);
            Outcome outcome = outcome();
            literal(INTERRUPTIONS);
            number();
            literal(WARNINGS);
            if (!at(']')) {
                do { if (string() == null) return false; } while (at(','));
                literal(']');
            }
            literal(STEPS);
            if (!at(']')) {
                do step(); while (at(','));
                literal(']');
            }
            literal('}');
            if (pos != end) return false;
            summary.startSession(active, paused, outcome);
            double treated = 0;
            for (int i = 0; i < treatedSteps; i++) treated += summary.step(regions[i], sides[i], seconds[i]);
            summary.endSession(treated, started, programId, client);
            return true;
        } catch (NotPlain | RuntimeException e) {
            return false;
        }
    }

    private void step() throws NotPlain {
        literal(INDEX);
        number();
        literal(REGION);
        String region = string();
        literal(SIDE);
        int side = side();
        literal(REST);
        boolean rest = bool();
        literal(PLANNED);
        number();
        literal(ACTUAL);
        double actual = number();
        literal(PEAK);
        number();
        literal(MEAN);
        number();
        literal(SOFTER);
        number();
        literal(HARDER);
        number();
        literal(SKIPPED);
        bool();
        literal('}');
        if (rest) return;
        if (treatedSteps == regions.length) {
            regions = Arrays.copyOf(regions, treatedSteps * 2);
            sides = Arrays.copyOf(sides, treatedSteps * 2);
            seconds = Arrays.copyOf(seconds, treatedSteps * 2);
        }
        regions[treatedSteps] = region;
        sides[treatedSteps] = side;
        seconds[treatedSteps++] = actual;
    }

    // ---- values: the same rules as FastRecordParser, or stricter ----

    /** A string or null; declines on escapes, control characters and non-ASCII bytes. */
    private String string() throws NotPlain {
        if (at(NULL)) return null;
        literal('"');
        int s = pos;
        while (true) {
            if (pos >= end) throw NotPlain.INSTANCE; // the buffer goes on with the next line
            byte c = buf[pos];
            if (c == '"') break;
            if (c == '\\' || c < 0x20) throw NotPlain.INSTANCE; // c < 0 too: non-ASCII
            pos++;
        }
        int len = pos - s;
        pos++;
        if (len == OUTCOME_SCHEMA.length && Arrays.equals(buf, s, s + len, OUTCOME_SCHEMA, 0, len)) throw NotPlain.INSTANCE;
        return cached(s, len);
    }

    private String cached(int s, int len) {
        if (len > 48) return new String(buf, s, len, StandardCharsets.US_ASCII);
        int h = 1;
        for (int i = s; i < s + len; i++) h = 31 * h + buf[i];
        int slot = (h ^ (h >>> 16)) & (cacheKeys.length - 1);
        byte[] k = cacheKeys[slot];
        if (k != null && Arrays.equals(k, 0, k.length, buf, s, s + len)) return cacheValues[slot];
        String v = new String(buf, s, len, StandardCharsets.US_ASCII);
        cacheKeys[slot] = Arrays.copyOfRange(buf, s, s + len);
        cacheValues[slot] = v;
        return v;
    }

    private Instant instant() throws NotPlain {
        if (at(NULL)) return null;
        literal('"');
        int s = pos;
        while (true) {
            if (pos >= end) throw NotPlain.INSTANCE;
            byte c = buf[pos];
            if (c == '"') break;
            if (c == '\\' || c < 0x20) throw NotPlain.INSTANCE;
            pos++;
        }
        int e = pos++;
        Instant quick = FastInstant.parse(buf, s, e);
        if (quick != null) return quick;
        try { // as FastRecordParser: the general parse for what the quick one leaves
            return FastInstant.parse(new String(buf, s, e - s, StandardCharsets.US_ASCII)); // other forms
        } catch (RuntimeException ex) {
            throw NotPlain.INSTANCE;
        }
    }

    private Outcome outcome() throws NotPlain {
        if (at(NULL)) return null;
        for (int i = 0; i < OUTCOMES.length; i++) if (at(OUTCOME_TEXT[i])) return OUTCOMES[i];
        throw NotPlain.INSTANCE;
    }

    private int side() throws NotPlain {
        if (at(LEFT)) return Side.LEFT.ordinal();
        if (at(RIGHT)) return Side.RIGHT.ordinal();
        if (at(NONE) || at(NULL)) return Side.NONE.ordinal();
        throw NotPlain.INSTANCE;
    }

    private boolean bool() throws NotPlain {
        if (at(TRUE)) return true;
        if (at(FALSE)) return false;
        throw NotPlain.INSTANCE;
    }

    /**
     * A JSON number without exponent and with at most 15 significant digits: mantissa and power of ten
     * are both exact doubles, so one division gives the correctly rounded value (as FastRecordParser).
     */
    private double number() throws NotPlain {
        boolean neg = false;
        if (pos < end && buf[pos] == '-') { neg = true; pos++; }
        int start = pos;
        long mant = 0;
        int digits = 0;
        while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') { mant = mant * 10 + (buf[pos] - '0'); pos++; digits++; }
        if (digits == 0 || (digits > 1 && buf[start] == '0')) throw NotPlain.INSTANCE;
        int frac = 0;
        if (pos < end && buf[pos] == '.') {
            pos++;
            while (pos < end && buf[pos] >= '0' && buf[pos] <= '9') { mant = mant * 10 + (buf[pos] - '0'); pos++; frac++; }
            if (frac == 0) throw NotPlain.INSTANCE;
        }
        if (pos < end && (buf[pos] == 'e' || buf[pos] == 'E')) throw NotPlain.INSTANCE;
        if (digits + frac > 15) throw NotPlain.INSTANCE;
        if (frac == 0) return neg ? (double) -mant : (double) mant;
        double v = mant / POW10[frac];
        return neg ? -v : v;
    }

    // ---- syntax: the writer's exact bytes ----

    private boolean at(byte[] text) {
        int n = text.length;
        if (end - pos < n || !Arrays.equals(buf, pos, pos + n, text, 0, n)) return false;
        pos += n;
        return true;
    }

    private boolean at(char c) {
        if (pos < end && buf[pos] == c) { pos++; return true; }
        return false;
    }

    private void literal(byte[] text) throws NotPlain {
        if (!at(text)) throw NotPlain.INSTANCE;
    }

    private void literal(char c) throws NotPlain {
        if (!at(c)) throw NotPlain.INSTANCE;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
