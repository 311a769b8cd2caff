package dev.thrum.usage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report's charts come from the web app's own chart code: {@code web/charts.js} and
 * {@code web/charts.css} from the jar are copied into the report file with the figures, so the page
 * and the report draw the same charts, and the report still needs nothing but itself (no network,
 * no other file). The report is a local file and not served, so the daemon's CSP does not apply.
 */
final class ReportCharts {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String DRAW = """
            const data = JSON.parse(document.getElementById('thrum-report-data').textContent);
            document.getElementById('chart-regions').append(regionWeeksChart(data.regionWeeks));
            document.getElementById('chart-weeks').append(sessionsPerWeekChart(data.weeks, data.target));
            document.getElementById('chart-calendar').append(calendarChart(data.days));
            if (data.pressure) {
              document.getElementById('chart-pressure-regions').append(pressureRegionsChart(data.pressure.regions));
              document.getElementById('chart-pressure-weeks').append(pressureWeeksChart(data.pressure.weeks));
            }
            """;

    private ReportCharts() {}

    static String css() { return resource("/web/charts.css"); }

    /** The figures as JSON that cannot end its script element early, then the chart code and the call that draws. */
    static String scripts(ObjectNode data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data).replace("<", "\\u003c");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a classic script, not a module: modules do not run from file:// pages in every browser
        String code = resource("/web/charts.js").replaceAll("(?m)^export ", "");
        return "<script type=\"application/json\" id=\"thrum-report-data\">" + json + "</script>\n<script>\n"
                + code.replace("</", "<\\/") + "\n" + DRAW + "</script>\n";
    }

    private static String resource(String name) {
        try (InputStream in = ReportCharts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the jar", e);
        }
    }
}
