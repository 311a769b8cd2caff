package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.engine.pressure.PressureView;

/**
 * Pressure guidance as the API shows it: the band in words, the advice, and, where the device reports
 * force, the reading and the wanted range in newtons and in the device's own unit.
 * <pre>{"band":"light","maxBand":"light","advice":"hold","words":"hold this pressure","newtons":31.0,
 * "wanted":{"low":0.0,"high":50.0},"unit":"N","shown":"31 N"}</pre>
 */
final class PressureJson {

    private PressureJson() {}

    static ObjectNode of(PressureView p) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("band", p.band().id());
        o.put("maxBand", p.maxBand().id());
        o.put("advice", p.advice().id());
        o.put("words", p.advice().words());
        if (p.newtons() != null) o.put("newtons", p.newtons());
        else o.putNull("newtons");
        if (p.wanted() != null) {
            ObjectNode w = o.putObject("wanted");
            w.put("low", p.wanted().low());
            w.put("high", p.wanted().high());
        }
        if (p.scale() != null) {
            o.put("unit", p.scale().unit().symbol());
            if (p.newtons() != null) o.put("shown", p.scale().show(p.newtons()));
        }
        return o;
    }
}
