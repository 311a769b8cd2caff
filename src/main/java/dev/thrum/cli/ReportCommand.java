package dev.thrum.cli;

import dev.thrum.store.PrivateFiles;
import dev.thrum.usage.HtmlReport;
import dev.thrum.usage.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.program.Region;
import dev.thrum.program.RegionCatalogue;

/** {@code thrum report --html FILE}: a self-contained page with charts, for a browser or for paper. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a usage report: one self-contained HTML file with charts (no network needed).")
public final class ReportCommand extends LogReadingCommand {

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path html;

    @Option(names = "--target-per-week", paramLabel = "N", description = "Weekly session target for the adherence line; default: the --client's own target.")
    Integer target;

    @Option(names = "--title", paramLabel = "TEXT", description = "Heading (default: \"Usage report\", plus the client).")
    String title;

    @Override
    int run(CommandLine cmd) throws IOException {
        target = opts.weeklyTarget(target, cmd);
        ZoneId zone = opts.zoneId(cmd);
        RegionCatalogue catalogue = catalogue();
        HtmlReport report = new HtmlReport(new Summary(zone), id -> catalogue.find(id).map(Region::name).orElse(id));
        if (!opts.read(cmd, report)) throw new LogCommandException(opts.noLogMessage());
        String heading = title != null ? title : "Usage report" + (opts.client == null ? "" : ": " + opts.clientLabel());
        String scope = "Sessions " + (opts.since == null ? "from the start" : "from " + opts.since)
                + (opts.until == null ? " to the latest" : " to " + opts.until)
                + (opts.client == null ? ", all clients" : ", client " + opts.clientLabel()) + "; times in " + zone.getId();
        try (PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                PrivateFiles.newOutputStream(html), StandardCharsets.UTF_8)))) {
            report.write(out, heading, scope, target, LogCommand.week(opts.sinceInstant(cmd), zone, false),
                    LogCommand.week(opts.untilInstant(cmd), zone, true),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).format(Instant.now().atZone(zone)));
            if (out.checkError()) throw new LogCommandException("cannot write " + html);
        }
        cmd.getOut().println("Report written to " + html);
        cmd.getOut().flush();
        return 0;
    }

    // region names for the charts; a broken override of the catalogue costs only the names, not the report
    private RegionCatalogue catalogue() {
        try {
            return RegionCatalogueLoader.load(opts.dirs.config());
        } catch (RuntimeException e) {
            return RegionCatalogueLoader.builtIn();
        }
    }
}
