package dev.thrum.usage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * DuckDB answering the question of {@code thrum log summary --by region} (minutes of treatment per
 * region and side, rests left out) over a usage log, through its JDBC driver and {@code read_ndjson}.
 * Run as its own process by {@link UsageLogBenchmark}, so its time and memory are measured the same
 * way as Thrum's. Prints one {@code REGION SIDE MINUTES} line per pair, like the benchmark's jq program.
 *
 * <p>The step columns are named, as a person asking DuckDB this would do: letting it infer the
 * whole record's schema from a sample costs more and can guess wrong on a rare field.
 */
public final class DuckDbRegionMinutes {
    static final String QUERY = """
            SELECT s.region, s.side, sum(s.actualSeconds) / 60.0 AS minutes
            FROM (SELECT unnest(steps) AS s
                  FROM read_ndjson(?, columns = {'steps': 'STRUCT(region VARCHAR, side VARCHAR, rest BOOLEAN,
                                                           actualSeconds DOUBLE)[]'}))
            WHERE NOT s.rest
            GROUP BY s.region, s.side
            ORDER BY s.region, s.side""";

    private DuckDbRegionMinutes() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) throw new IllegalArgumentException("usage: DuckDbRegionMinutes LOG_FILE");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             PreparedStatement q = c.prepareStatement(QUERY)) {
            q.setString(1, args[0]);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "%s %s %s%n", rs.getString(1), rs.getString(2), rs.getDouble(3));
                }
            }
        }
    }
}
