package dev.thrum.usage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of the two pressure charts of charts.js (adherence per region, too soft / too hard
 * per week), taken from the same {@link PressureReview} as {@code thrum log pressure} so the history
 * page, the report and the CLI show one set of numbers. Seconds, not shares: the chart divides, as
 * the CLI does, and a week or region without force readings has {@code measured} 0 (never "in band").
 */
public final class PressureChartData {
    private PressureChartData() {}

    /**
     * @param weeks      the Mondays the other charts show, empty weeks included, so the weeks line up
     * @param regionName a region's name for its id, as the catalogue has it
     * @return {@code {"regions": [{region, below, in, above, measured, episodes}], "weeks": [{week, ...}]}}
     */
    public static ObjectNode of(PressureReview review, List<LocalDate> weeks, Function<String, String> regionName) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode regions = out.putArray("regions");
        for (Map.Entry<String, PressureReview.Tally> e : review.byRegion().entrySet())
            put(regions.addObject().put("region", regionName.apply(e.getKey())), e.getValue());
        ArrayNode byWeek = out.putArray("weeks");
        for (LocalDate monday : weeks) put(byWeek.addObject().put("week", monday.toString()), review.byWeek().get(monday));
        return out;
    }

    private static void put(ObjectNode o, PressureReview.Tally t) {
        o.put("below", t == null ? 0 : t.below()).put("in", t == null ? 0 : t.in()).put("above", t == null ? 0 : t.above())
                .put("measured", t == null ? 0 : t.measured()).put("episodes", t == null ? 0 : t.episodes());
    }
}
