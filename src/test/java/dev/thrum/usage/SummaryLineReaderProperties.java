package dev.thrum.usage;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary's quick path ({@link SummaryLineReader}) gives exactly the totals of the full path
 * (records through the parsers, {@link Summary#accept}) on every line it takes, takes every plain line
 * Thrum writes, and leaves everything else to the full path.
 */
class SummaryLineReaderProperties {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin"); // an offset that changes: days depend on it

    @Property(tries = 300)
    void takesEveryPlainLineThrumWritesWithTheFullPathsTotals(@ForAll("plainRecords") SessionRecord r) throws Exception {
        byte[] line = RecordJson.toLine(r);
        Summary quick = new Summary(ZONE);
        assertTrue(new SummaryLineReader(quick).read(line, 0, line.length - 1),
                () -> "the summary's quick path declined a plain line: " + new String(line, StandardCharsets.UTF_8));
        Summary full = new Summary(ZONE);
        full.accept(RecordJson.parseFully(line, 0, line.length - 1));
        assertEquals(totals(full), totals(quick));
    }

    @Property(tries = 1500)
    void whatItTakesTheFullPathReadsTheSameAndWhatItDeclinesLeavesNoTrace(@ForAll("records") SessionRecord r,
                                                                           @ForAll("edits") RecordJsonProperties.Edit edit) {
        String changed = edit.apply(new String(RecordJson.toLine(r), StandardCharsets.UTF_8).trim());
        byte[] b = changed.getBytes(StandardCharsets.UTF_8);
        Summary quick = new Summary(ZONE);
        if (!new SummaryLineReader(quick).read(b, 0, b.length)) {
            assertEquals(totals(new Summary(ZONE)), totals(quick), "a declined line changed the summary: " + changed);
            return;
        }
        assertFalse(OutcomeNote.looksLikeOne(b, 0, b.length), changed);
        Summary full = new Summary(ZONE);
        try {
            full.accept(RecordJson.parseFully(b, 0, b.length));
        } catch (RecordFormatException e) {
            throw new AssertionError("the quick path took what the full parser refuses (" + e.getMessage() + "): " + changed);
        }
        assertEquals(totals(full), totals(quick), changed);
    }

    /** Valid lines in forms Thrum does not write itself; the full path reads them, the quick one must not guess. */
    static final List<String> ODD_BUT_VALID = List.of(
            // escaped strings, non-ASCII text
            line("\"client\":\"client-1\"", "\"client\":\"client-\\u0031\""),
            line("\"region\":\"calf\"", "\"region\":\"\\u0063alf\""),
            line("\"region\":\"calf\"", "\"region\":\"épaule\""),
            line("\"client\":\"client-1\"", "\"client\":\"Zoë \\\"Z\\\" Ørsted\""),
            // numbers with exponents, negative zero, many digits
            line("\"actualSeconds\":82.2", "\"actualSeconds\":8.22e1"),
            line("\"activeSeconds\":306.6", "\"activeSeconds\":3066E-1"),
            line("\"actualSeconds\":82.2", "\"actualSeconds\":82.20000000000000001"),
            // spaces, fields in another order, unknown fields, missing optional fields
            line("\"outcome\":\"completed\"", "\"outcome\" : \"completed\""),
            line("{\"schema\":\"thrum.session/2\",", "{\"extra\":{\"a\":[1,2.5e3,null]},\"schema\":\"thrum.session/2\","),
            line(",\"interruptions\":0,\"warnings\":[]", ""),
            line("\"device\":{\"profile\":\"theragun-gen4\",\"address\":\"AA:BB\"},", ""),
            line("\"side\":\"right\",", ""),
            line("\"steps\":[", "\"painBefore\":6,\"steps\":["),
            line("\"skipped\":false}", "\"skipped\":false,\"pressure\":{\"band\":\"medium\"}}"),
            swapped(),
            // the older schema, a null outcome, null where a number would be
            line("thrum.session/2", "thrum.session/1"),
            line("\"outcome\":\"completed\"", "\"outcome\":null"),
            line("\"pausedSeconds\":0.0", "\"pausedSeconds\":null"),
            // timestamps: another form, a leap day, a month's last day
            line("2016-01-04T08:06:22.617Z\",\"endedAt\"", "2016-01-04T09:06:22.617+01:00\",\"endedAt\""),
            line("2016-01-04T08:06:22.617Z\",\"endedAt\"", "2016-02-29T23:30:00Z\",\"endedAt\""),
            line("2016-01-04T08:06:22.617Z\",\"endedAt\"", "2016-03-31T22:30:00.5Z\",\"endedAt\""),
            // the outcome line's schema as a string makes the reader treat the line as an outcome line
            line("\"warnings\":[]", "\"warnings\":[\"thrum.outcome/1\"]"),
            line("\"warnings\":[]", "\"warnings\":[\"link lost\",\"battery low\"]"),
            line("\"client\":\"client-1\",", "\"client\":\"client-1\",\"clientId\":\"c-1\","));

    /**
     * The lines above the quick path must take: forms Thrum writes itself (null outcome, leap day, last day
     * of a month, warnings, a client id) and a timestamp with an offset, parsed as the full path does.
     */
    static final List<Integer> PLAIN_AMONG_ODD = List.of(16, 18, 19, 20, 22, 23);

    @Example
    void oddButValidLinesGiveTheFullPathsTotalsAndOnlyPlainOnesTakeTheQuickPath() throws Exception {
        for (int i = 0; i < ODD_BUT_VALID.size(); i++) {
            byte[] b = ODD_BUT_VALID.get(i).getBytes(StandardCharsets.UTF_8);
            Summary quick = new Summary(ZONE);
            boolean taken = new SummaryLineReader(quick).read(b, 0, b.length);
            assertEquals(PLAIN_AMONG_ODD.contains(i), taken, "line " + i + ": " + ODD_BUT_VALID.get(i));
            if (!taken) continue;
            Summary full = new Summary(ZONE);
            full.accept(RecordJson.parseFully(b, 0, b.length));
            assertEquals(totals(full), totals(quick), ODD_BUT_VALID.get(i));
        }
    }

    @Example
    void aWholeLogReadInChunksOnTheQuickPathEqualsTheOrderedFullRead() throws Exception {
        Path dir = Files.createTempDirectory("thrum-summary-quick");
        Path file = dir.resolve("usage-log.jsonl");
        LogGenerator.write(file, 4000, Instant.parse("2016-01-04T08:00:00Z"), Duration.ofDays(900), 7);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        for (int i = 0; i < ODD_BUT_VALID.size(); i++) {
            // every odd line the full path counts: not the outcome-schema one, which it reads as a bad outcome line
            if (!ODD_BUT_VALID.get(i).contains("thrum.outcome/1")) lines.add(i * 150, ODD_BUT_VALID.get(i));
        }
        Files.write(file, lines);

        // The same chunks on the full path: sums in the same order, so equal to the last bit (the ordered
        // read adds in another order, so its doubles may differ in the last digits; its counts may not).
        List<FullSummary> full = UnorderedLogRead.read(file, 3, FullSummary::new, w -> { });
        List<QuickSummary> quick = UnorderedLogRead.read(file, 3, QuickSummary::new, w -> { });
        assertEquals(3, quick.size(), "the chunked read fell back to the ordered one");
        Summary fullTotal = new Summary(ZONE), quickTotal = new Summary(ZONE);
        full.forEach(part -> fullTotal.add(part.summary));
        long taken = 0;
        for (QuickSummary part : quick) {
            quickTotal.add(part.summary);
            taken += part.taken;
        }
        assertEquals(totals(fullTotal), totals(quickTotal));
        assertEquals(4000 + PLAIN_AMONG_ODD.size(), taken, "lines on the quick path");

        Summary ordered = new Summary(ZONE);
        LogReader.of(file).read(ordered, w -> { throw new AssertionError("unexpected warning " + w); });
        assertEquals(lines.size(), ordered.sessions());
        assertEquals(ordered.regions().keySet(), quickTotal.regions().keySet());
        assertEquals(ordered.outcomes(), quickTotal.outcomes());
        assertEquals(ordered.sessions(), quickTotal.sessions());
    }

    static final class FullSummary implements Consumer<SessionRecord> {
        final Summary summary = new Summary(ZONE);

        @Override
        public void accept(SessionRecord r) {
            summary.accept(r);
        }
    }

    /** A summary that takes plain lines itself, as `log summary` does (cli.LogOptions). */
    static final class QuickSummary implements Consumer<SessionRecord>, UnorderedLogRead.LineTaker {
        final Summary summary = new Summary(ZONE);
        final SummaryLineReader reader = new SummaryLineReader(summary);
        long taken;

        @Override
        public void accept(SessionRecord r) {
            summary.accept(r);
        }

        @Override
        public boolean take(byte[] buf, int off, int len) {
            boolean t = reader.read(buf, off, len);
            if (t) taken++;
            return t;
        }
    }

    /** Every total the summary keeps, doubles written so that any difference in the last bit shows. */
    static String totals(Summary s) {
        StringBuilder out = new StringBuilder();
        out.append("sessions ").append(s.sessions()).append(" active ").append(s.activeSeconds())
                .append(" paused ").append(s.pausedSeconds()).append(" treatment ").append(s.treatmentSeconds())
                .append(" outcomes ").append(new TreeMap<>(s.outcomes())).append('\n');
        new TreeMap<>(s.regions()).forEach((region, sides) -> {
            for (int i = 0; i < sides.length; i++) {
                if (sides[i] != null) out.append(region).append('/').append(i).append(' ').append(tally(sides[i])).append('\n');
            }
        });
        s.days().forEach((d, t) -> out.append(d).append(' ').append(tally(t)).append('\n'));
        tallies(out, "program ", s.programs());
        tallies(out, "client ", s.clients());
        return out.toString();
    }

    private static void tallies(StringBuilder out, String what, Map<String, Summary.Tally> map) {
        new TreeMap<>(map).forEach((k, t) -> out.append(what).append(k).append(' ').append(tally(t)).append('\n'));
    }

    private static String tally(Summary.Tally t) {
        return t.seconds() + " s, " + t.sessions() + " sessions";
    }

    /** A generated first line with one piece replaced (the piece must be there). */
    private static String line(String from, String to) {
        String base = baseLine();
        if (!base.contains(from)) throw new IllegalStateException("not in the base line: " + from);
        return base.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    /** The base line with its steps moved to the front of the object. */
    private static String swapped() {
        String base = baseLine();
        int steps = base.indexOf(",\"steps\":");
        return "{" + base.substring(steps + 1, base.length() - 1) + "," + base.substring(1, steps) + "}";
    }

    private static String baseLine() {
        SessionRecord r = LogGenerator.session(0, Instant.parse("2016-01-04T08:06:22.617Z"), new java.util.Random(42));
        r = new SessionRecord(r.id(), "client-1", r.programId(), r.programName(), new DeviceInfo("theragun-gen4", "AA:BB"),
                r.startedAt(), r.endedAt(), 306.6, 0.0, dev.thrum.engine.Outcome.COMPLETED, 0, List.of(),
                withFirstStep(r), r.pain());
        return new String(RecordJson.toLine(r), StandardCharsets.UTF_8).trim();
    }

    /** The first step made a non-rest, right-side calf step of 82.2 s, so the pieces replaced above exist. */
    private static List<dev.thrum.engine.StepReport> withFirstStep(SessionRecord r) {
        List<dev.thrum.engine.StepReport> steps = new ArrayList<>(r.steps());
        steps.set(0, new dev.thrum.engine.StepReport(0, "calf", dev.thrum.program.Side.RIGHT, false, 90, 82.2, 0.7, 0.56,
                0, 0, false));
        return steps;
    }

    @Provide
    Arbitrary<SessionRecord> plainRecords() {
        return new RecordJsonProperties().plainRecords();
    }

    @Provide
    Arbitrary<SessionRecord> records() {
        return new RecordJsonProperties().records();
    }

    @Provide
    Arbitrary<RecordJsonProperties.Edit> edits() {
        return new RecordJsonProperties().edits();
    }
}
