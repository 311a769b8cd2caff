package dev.thrum.usage;

import dev.thrum.engine.Outcome;
import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.program.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The quick parser and Jackson agree, and every record survives a write and a read. */
class RecordJsonProperties {

    @Property(tries = 300)
    void aWrittenRecordReadsBackEqual(@ForAll("records") SessionRecord r) throws Exception {
        byte[] line = RecordJson.toLine(r);
        SessionRecord back = RecordJson.parse(line, 0, line.length - 1);
        assertEquals(rounded(r), back);
        assertEquals(back, RecordJson.parseFully(line, 0, line.length - 1));
    }

    /**
     * The quick parser earns its place only by taking the lines Thrum writes itself (ASCII text
     * without escapes, no pressure or pain fields): if it declined them all, every other property
     * here would still pass, the reads would only be slower (docs/benchmarks.md).
     */
    @Property(tries = 300)
    void theQuickParserReadsEveryPlainLineThrumWrites(@ForAll("plainRecords") SessionRecord r) throws Exception {
        byte[] line = RecordJson.toLine(r);
        SessionRecord quick = new FastRecordParser().parse(line, 0, line.length - 1);
        assertEquals(RecordJson.parseFully(line, 0, line.length - 1), quick,
                () -> "the quick parser declined a plain line: " + new String(line, StandardCharsets.UTF_8));
    }

    @Property(tries = 1000)
    void whatTheQuickParserAcceptsJacksonReadsTheSame(@ForAll("records") SessionRecord r,
                                                       @ForAll("edits") Edit edit) {
        String text = new String(RecordJson.toLine(r), StandardCharsets.UTF_8).trim();
        String changed = edit.apply(text);
        byte[] b = changed.getBytes(StandardCharsets.UTF_8);
        SessionRecord quick = new FastRecordParser().parse(b, 0, b.length);
        if (quick == null) return; // declined: the full parser decides
        try {
            assertEquals(RecordJson.parseFully(b, 0, b.length), quick, changed);
        } catch (RecordFormatException e) {
            throw new AssertionError("quick parser accepted what Jackson refuses (" + e.getMessage() + "): " + changed);
        }
    }

    @Property(tries = 2000)
    void quickTimestampsMatchTheJdk(@ForAll("instantsAnyDay") Instant t) {
        String text = t.toString();
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        Instant quick = FastInstant.parse(b, 0, b.length);
        if (quick != null) assertEquals(t, quick, text);
        assertEquals(t, FastInstant.parse(text), text);
    }

    /** Days the quick timestamp parse must leave to the JDK (which refuses them): no guessing of month lengths. */
    @net.jqwik.api.Example
    void quickTimestampsLeaveImpossibleDaysToTheJdk() {
        for (String day : List.of("2100-02-29", "1900-02-29", "2023-02-29", "2024-02-30", "2024-04-31", "2024-06-31",
                "2024-09-31", "2024-11-31", "2024-01-32")) {
            byte[] b = (day + "T10:00:00.000Z").getBytes(StandardCharsets.US_ASCII);
            assertEquals(null, FastInstant.parse(b, 0, b.length), day);
        }
        for (String day : List.of("2000-02-29", "2024-02-29", "2024-01-31", "2024-03-31", "2024-04-30", "2024-12-31")) {
            String text = day + "T10:00:00.000Z";
            byte[] b = text.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Instant.parse(text), FastInstant.parse(b, 0, b.length), day);
        }
    }

    @Provide
    Arbitrary<Instant> instantsAnyDay() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.of(0, 1_000_000, 250_000_000, 123_456_789))
                .as(Instant::ofEpochSecond);
    }

    /** A small change to a line: cut it, or swap one character for another. */
    record Edit(int at, int kind, char c) {
        String apply(String s) {
            int i = Math.floorMod(at, Math.max(1, s.length()));
            return switch (kind) {
                case 0 -> s.substring(0, i);
                case 1 -> s.substring(0, i) + c + s.substring(Math.min(s.length(), i + 1));
                case 2 -> s.substring(0, i) + c + s.substring(i);
                default -> s;
            };
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 2000), Arbitraries.integers().between(0, 3),
                Arbitraries.of('"', ',', ':', '{', '}', '[', ']', '0', '9', '-', '.', 'e', ' ', '\\', 'n', 'x', 'é'))
                .as(Edit::new);
    }

    /** A step's pressure: none, the band only (no force reported), or band and figures. */
    private static Arbitrary<StepReport.StepPressure> pressures(Arbitrary<Double> seconds) {
        Arbitrary<Double> newtons = Arbitraries.doubles().between(0, 400).ofScale(3);
        Arbitrary<PressureStats> stats = Combinators.combine(newtons.injectNull(0.2), newtons.injectNull(0.2), seconds, seconds,
                seconds, seconds, Arbitraries.integers().between(0, 4)).as(PressureStats::new);
        return Combinators.combine(Arbitraries.of("light", "medium", "firm"), stats.injectNull(0.3))
                .as(StepReport.StepPressure::new).injectNull(0.3);
    }

    @Provide
    Arbitrary<SessionRecord> records() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ').ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.just(null));
        Arbitrary<Double> seconds = Arbitraries.doubles().between(0, 100_000).ofScale(3);
        Arbitrary<Double> unit = Arbitraries.doubles().between(0, 1).ofScale(3);
        Arbitrary<StepReport> step = Combinators.combine(
                Arbitraries.integers().between(0, 50), Arbitraries.of("calf", "glute", "lower-back", "Schulter", "épaule"),
                Arbitraries.of(Side.class), Arbitraries.of(true, false), seconds, seconds, unit,
                Arbitraries.integers().between(0, 9))
                .as((i, region, side, rest, planned, actual, peak, softer) ->
                        new StepReport(i, region, side, rest, planned, actual, peak, Math.round(peak * 800) / 1000.0,
                                softer, softer % 2, softer == 3))
                .flatMap(s -> pressures(seconds).map(p -> new StepReport(s.index(), s.regionId(), s.side(), s.rest(),
                        s.plannedSeconds(), s.actualSeconds(), s.peakIntensity(), s.meanIntensity(), s.softer(), s.harder(),
                        s.skipped(), p)));
        return Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24), text, text, devices(text),
                starts(), Arbitraries.of(Outcome.class).injectNull(0.2), seconds, step.list().ofMaxSize(8))
                .as((id, client, program, dev, start, outcome, active, steps) ->
                        new SessionRecord(id, client, program, program == null ? null : program + " \"routine\"",
                                dev, start, outcome == null ? null : start.plusSeconds(600), active,
                                Math.round(active * 100) / 1000.0, outcome, steps.size() % 3,
                                id.length() % 2 == 0 ? List.of() : List.of("link lost at " + id, client == null ? "x" : client),
                                steps));
    }

    /** Records as Thrum writes them for most sessions: plain ASCII names, no pressure, no pain scores. */
    @Provide
    Arbitrary<SessionRecord> plainRecords() {
        Arbitrary<String> text = Arbitraries.strings().alpha().numeric().withChars('-', '_', ' ', '.').ofMaxLength(20)
                .injectNull(0.1);
        Arbitrary<Double> seconds = Arbitraries.doubles().between(0, 100_000).ofScale(3);
        Arbitrary<StepReport> step = Combinators.combine(
                Arbitraries.integers().between(0, 50), Arbitraries.of("calf", "glute", "lower-back", "rest"),
                Arbitraries.of(Side.class), Arbitraries.of(true, false), seconds, seconds,
                Arbitraries.doubles().between(0, 1).ofScale(3), Arbitraries.integers().between(0, 9))
                .as((i, region, side, rest, planned, actual, peak, n) -> new StepReport(i, region, side, rest, planned,
                        actual, peak, Math.round(peak * 800) / 1000.0, n, n % 2, n == 3));
        return Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(24), text, text, devices(text),
                starts(), Arbitraries.of(Outcome.class).injectNull(0.2), seconds, step.list().ofMaxSize(8))
                .as((id, client, program, dev, start, outcome, active, steps) ->
                        new SessionRecord(id, client, program, program == null ? null : program + " routine",
                                dev, start, outcome == null ? null : start.plusSeconds(600), active,
                                Math.round(active * 100) / 1000.0, outcome, steps.size() % 3,
                                id.length() % 2 == 0 ? List.of() : List.of("link lost at " + id), steps));
    }

    private static Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(1_400_000_000_000L, 2_000_000_000_000L).map(Instant::ofEpochMilli);
    }

    /** A device made of two texts, or none when both are missing (as the writer leaves it out). */
    private static Arbitrary<DeviceInfo> devices(Arbitrary<String> text) {
        return Combinators.combine(text, text).as(DeviceInfo::new)
                .map(d -> d.profileId() == null && d.address() == null ? null : d);
    }

    private static SessionRecord rounded(SessionRecord r) {
        return r; // the generator already uses three decimals, the precision the writer keeps
    }
}
