package dev.thrum.usage;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.thrum.engine.StepReport;
import dev.thrum.engine.pressure.PressureStats;
import dev.thrum.pressure.PressureBand;

import java.io.IOException;

/**
 * A step's {@code "pressure"} object in the usage log (schema 2):
 * <pre>{"band":"light","meanN":31.2,"peakN":120.0,"belowS":12.0,"inS":30.5,"aboveS":9.0,"unknownS":2.0,"tooMuch":1}</pre>
 * Only {@code band} when the device reported no force. Forces in newtons, times in seconds.
 */
final class StepPressureJson {

    private StepPressureJson() {}

    static void write(StepReport.StepPressure p, JsonGenerator g) throws IOException {
        if (p == null) return;
        g.writeObjectFieldStart("pressure");
        g.writeStringField("band", p.band());
        PressureStats s = p.stats();
        if (s != null) {
            if (s.meanNewtons() != null) g.writeNumberField("meanN", RecordJson.round3(s.meanNewtons()));
            if (s.peakNewtons() != null) g.writeNumberField("peakN", RecordJson.round3(s.peakNewtons()));
            g.writeNumberField("belowS", RecordJson.round3(s.secondsBelow()));
            g.writeNumberField("inS", RecordJson.round3(s.secondsIn()));
            g.writeNumberField("aboveS", RecordJson.round3(s.secondsAbove()));
            g.writeNumberField("unknownS", RecordJson.round3(s.secondsUnknown()));
            g.writeNumberField("tooMuch", s.tooMuchEpisodes());
        }
        g.writeEndObject();
    }

    /** Reads the object the parser stands on; a wrong value is a format error naming the field. */
    static StepReport.StepPressure read(JsonParser p) throws IOException, RecordFormatException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        if (p.currentToken() != JsonToken.START_OBJECT) throw new RecordFormatException("steps.pressure must be an object", false);
        String band = null;
        Double mean = null, peak = null;
        double below = 0, in = 0, above = 0, unknown = 0;
        int tooMuch = 0;
        boolean stats = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String f = p.currentName();
            p.nextToken();
            switch (f) {
                case "band" -> band = RecordJson.text(p, "steps.pressure.band");
                case "meanN" -> { mean = nonNegative(p, f); stats = true; }
                case "peakN" -> { peak = nonNegative(p, f); stats = true; }
                case "belowS" -> { below = nonNegative(p, f); stats = true; }
                case "inS" -> { in = nonNegative(p, f); stats = true; }
                case "aboveS" -> { above = nonNegative(p, f); stats = true; }
                case "unknownS" -> { unknown = nonNegative(p, f); stats = true; }
                case "tooMuch" -> { tooMuch = (int) (double) nonNegative(p, f); stats = true; }
                default -> p.skipChildren();
            }
        }
        if (band == null || PressureBand.fromId(band).isEmpty())
            throw new RecordFormatException("steps.pressure.band must be light, medium or firm", false);
        return new StepReport.StepPressure(band, stats ? new PressureStats(mean, peak, below, in, above, unknown, tooMuch) : null);
    }

    private static Double nonNegative(JsonParser p, String field) throws IOException, RecordFormatException {
        if (!p.currentToken().isNumeric() || !(p.getDoubleValue() >= 0) || Double.isInfinite(p.getDoubleValue()))
            throw new RecordFormatException("steps.pressure." + field + " must be a number of at least 0", false);
        return p.getDoubleValue();
    }
}
