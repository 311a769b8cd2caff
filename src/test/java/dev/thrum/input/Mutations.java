package dev.thrum.input;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed variants of a real file, the kinds the audit fed every loader: truncation, byte flips,
 * type swaps, huge numbers, deep nesting, control characters, non-UTF-8 bytes, duplicate keys and
 * trailing garbage. One to three mutations per case; jqwik shrinks a failure to the fewest.
 */
public final class Mutations {
    private Mutations() {}

    enum Kind { TRUNCATE, FLIP, SWAP_TYPE, HUGE_NUMBER, DEEP_NESTING, CONTROL_CHAR, NOT_UTF8, DUPLICATE_KEY, TRAILING }

    /** One mutation: its kind, where in the text (0..1 of its length), and a free number for the kind to use. */
    public record Op(Kind kind, double where, int value) {
        byte[] apply(byte[] in) {
            int at = Math.min(in.length, (int) (where * in.length));
            return switch (kind) {
                case TRUNCATE -> Arrays.copyOf(in, at);
                case FLIP -> {
                    byte[] out = in.clone();
                    if (out.length > 0) out[Math.min(at, out.length - 1)] = (byte) value;
                    yield out;
                }
                case SWAP_TYPE -> replaceValue(in, at, List.of("{}", "[]", "null", "\"x\"", "true", "-1", "0.5").get(Math.floorMod(value, 7)));
                case HUGE_NUMBER -> replaceValue(in, at, List.of("99999999999", "4294974707", "1e999", "-99999999999999999999", "1.0E308").get(Math.floorMod(value, 5)));
                case DEEP_NESTING -> insert(in, at, "[".repeat(1000 + Math.floorMod(value, 100_000)).getBytes(StandardCharsets.US_ASCII));
                case CONTROL_CHAR -> insert(in, at, new byte[]{(byte) Math.floorMod(value, 32)});
                case NOT_UTF8 -> insert(in, at, new byte[]{(byte) (0x80 + Math.floorMod(value, 0x80))});
                case DUPLICATE_KEY -> duplicateKey(in, at);
                case TRAILING -> concat(in, List.of("garbage", "}", "{}", "\n{\"id\": 1}", ",", "\u0000").get(Math.floorMod(value, 6)).getBytes(StandardCharsets.UTF_8));
            };
        }
    }

    public static Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1), Arbitraries.integers())
                .as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(3);
    }

    public static byte[] apply(byte[] original, List<Op> ops) {
        byte[] out = original;
        for (Op op : ops) out = op.apply(out);
        return out;
    }

    private static final Pattern VALUE = Pattern.compile(":\\s*(\"[^\"]*\"|-?[0-9.]+|true|false|null)");
    private static final Pattern PAIR = Pattern.compile("\"[A-Za-z]+\"\\s*:\\s*(\"[^\"]*\"|-?[0-9.]+|true|false)");

    private static byte[] replaceValue(byte[] in, int at, String with) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        Matcher m = VALUE.matcher(s);
        if (!m.find(Math.min(at, s.length())) && !m.find(0)) return in;
        return (s.substring(0, m.start(1)) + with + s.substring(m.end(1))).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] duplicateKey(byte[] in, int at) {
        String s = new String(in, StandardCharsets.ISO_8859_1);
        Matcher m = PAIR.matcher(s);
        if (!m.find(Math.min(at, s.length())) && !m.find(0)) return in;
        return (s.substring(0, m.end()) + ", " + m.group() + s.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(in, 0, at);
        out.writeBytes(what);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }
}
