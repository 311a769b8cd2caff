package dev.thrum.usage;

import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes sessions as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when needed):
 * a header row, then one row per step with the session's columns repeated. A session without steps
 * gets one row with empty step columns. Text that a spreadsheet would run as a formula
 * ({@code = + - @}, or a TAB or CR, first) is prefixed with an apostrophe.
 */
public final class CsvExport implements Consumer<SessionRecord> {
    /** Spreadsheets skip a leading TAB or CR and then run a formula, so those count as a formula start (OWASP). */
    static final String FORMULA_START = "=+-@\t\r";
    public static final List<String> COLUMNS = List.of(
            "session_id", "client", "program_id", "program_name", "device_profile", "device_address",
            "started_at", "ended_at", "active_seconds", "paused_seconds", "outcome", "interruptions",
            "step_index", "region", "side", "rest", "planned_seconds", "actual_seconds",
            "peak_intensity", "mean_intensity", "softer", "harder", "skipped",
            "pressure_band", "force_mean_n", "force_peak_n", "pressure_below_s", "pressure_in_s", "pressure_above_s",
            "too_much_pressure",
            "pain_before", "pain_after", "pain_change", "pain_regions", "note");

    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);

    public CsvExport(Writer out) {
        this.out = out;
        for (String c : COLUMNS) cell(c, true);
        endRow();
    }

    @Override
    public void accept(SessionRecord r) {
        if (r.steps().isEmpty()) {
            session(r);
            for (int i = 12; i < COLUMNS.size() - PAIN_COLUMNS; i++) cell("", false);
            pain(r);
            endRow();
            return;
        }
        for (StepReport s : r.steps()) {
            session(r);
            cell(Integer.toString(s.index()), false);
            cell(s.regionId(), true);
            cell(s.side() == null ? "" : s.side().name().toLowerCase(Locale.ROOT), false);
            cell(Boolean.toString(s.rest()), false);
            cell(num(s.plannedSeconds()), false);
            cell(num(s.actualSeconds()), false);
            cell(num(s.peakIntensity()), false);
            cell(num(s.meanIntensity()), false);
            cell(Integer.toString(s.softer()), false);
            cell(Integer.toString(s.harder()), false);
            cell(Boolean.toString(s.skipped()), false);
            pressure(s.pressure());
            pain(r);
            endRow();
        }
    }

    private static final int PAIN_COLUMNS = 5;

    /** The step's pressure band and, where the device reported force, its figures (empty otherwise). */
    private void pressure(StepReport.StepPressure p) {
        cell(p == null ? "" : p.band(), false);
        PressureStats s = p == null ? null : p.stats();
        cell(s == null || s.meanNewtons() == null ? "" : num(s.meanNewtons()), false);
        cell(s == null || s.peakNewtons() == null ? "" : num(s.peakNewtons()), false);
        cell(s == null ? "" : num(s.secondsBelow()), false);
        cell(s == null ? "" : num(s.secondsIn()), false);
        cell(s == null ? "" : num(s.secondsAbove()), false);
        cell(s == null ? "" : Integer.toString(s.tooMuchEpisodes()), false);
    }

    /** The session's pain scores, repeated on each of its rows like the other session columns. */
    private void pain(SessionRecord r) {
        PainScores p = r.pain();
        cell(p.before() == null ? "" : p.before().toString(), false);
        cell(p.after() == null ? "" : p.after().toString(), false);
        cell(p.change() == null ? "" : p.change().toString(), false);
        cell(String.join(";", p.regions()), true);
        cell(p.note(), true);
    }

    private void session(SessionRecord r) {
        cell(r.id(), true);
        cell(r.clientName(), true);
        cell(r.programId(), true);
        cell(r.programName(), true);
        cell(r.device() == null ? null : r.device().profileId(), true);
        cell(r.device() == null ? null : r.device().address(), true);
        cell(RecordJson.instant(r.startedAt()), false);
        cell(RecordJson.instant(r.endedAt()), false);
        cell(num(r.activeSeconds()), false);
        cell(num(r.pausedSeconds()), false);
        cell(r.outcome() == null ? "" : r.outcome().name().toLowerCase(Locale.ROOT), false);
        cell(Integer.toString(r.interruptions()), false);
    }

    private void cell(String value, boolean text) {
        if (row.length() > 0) row.append(',');
        if (value == null) return;
        String v = text && !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            row.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            row.append(v);
        }
    }

    private void endRow() {
        row.append("\r\n");
        try {
            out.write(row.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        row.setLength(0);
    }

    static String num(double v) {
        double r = Math.round(v * 1000.0) / 1000.0;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }
}
