package dev.thrum.fhir;

import dev.thrum.store.RegionCatalogueLoader;
import dev.thrum.usage.LogFileException;
import dev.thrum.program.RegionCatalogue;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code thrum sync fhir}, behind the CLI: resolves the server and credentials, reads what Thrum
 * holds, and either sends it ({@link FhirSync}) or writes it as one Bundle file ({@link BundleExport}).
 * The CLI reaches HAPI FHIR only through this class, so no FHIR class loads for other commands.
 *
 * @param configDir  where fhir.json, clients/ and regions.json are
 * @param dataDir    where the sync state is kept
 * @param log        the usage log to read
 */
public record FhirSyncTask(Path configDir, Path dataDir, Path log, String client, RetryPolicy retry) {

    /** Sends to the server ({@code --server} or fhir.json's). @return the exit status: 0 all sent, 1 otherwise */
    public int sync(String serverOption, PrintWriter out, PrintWriter err) throws IOException {
        FhirConfig config = FhirConfig.load(configDir.resolve(FhirConfig.FILE));
        URI server = serverOption != null ? FhirConfig.serverUri("--server", serverOption) : config.server();
        if (server == null) {
            err.println("thrum: no FHIR server: give --server URL, or set \"server\" in " + configDir.resolve(FhirConfig.FILE)
                    + " (see docs/fhir.md)");
            return 2;
        }
        SyncSource.Contents contents = read(err);
        if (contents == null || unknownClient(contents, err)) return 1;
        FhirHttp http = new FhirHttp(server, config.auth(), config.timeout());
        SyncState state = SyncState.load(dataDir, server);
        SyncReport report = new FhirSync(http, retry, config.bundleSize(), new BundleBuilder(regions(err)), state).run(contents);
        report.lines(server.toString()).forEach(out::println);
        out.flush();
        return report.complete() ? 0 : 1;
    }

    /** Writes one transaction Bundle file. @return the exit status */
    public int export(Path file, PrintWriter out, PrintWriter err) throws IOException {
        SyncSource.Contents contents = read(err);
        if (contents == null || unknownClient(contents, err)) return 1;
        if (contents.clients().isEmpty()) {
            err.println("thrum: nothing to export: no client records in " + configDir.resolve("clients") + " and no sessions with a client in " + log);
            return 1;
        }
        int entries = new BundleExport(new BundleBuilder(regions(err))).write(contents, file);
        out.println("FHIR Bundle written to " + file + ": " + entries + " resources for "
                + contents.clients().size() + (contents.clients().size() == 1 ? " client" : " clients")
                + (contents.sessionsWithoutClient() > 0 ? "; " + contents.sessionsWithoutClient() + " sessions without a client left out" : ""));
        out.flush();
        return 0;
    }

    /** A --client that matches nothing is a mistake worth saying, not an empty success. */
    private boolean unknownClient(SyncSource.Contents contents, PrintWriter err) throws IOException {
        if (client == null || !contents.clients().isEmpty()) return false;
        SyncSource.Contents all;
        try {
            all = new SyncSource(log, configDir.resolve("clients")).read(null, w -> {});
        } catch (LogFileException e) {
            all = new SyncSource.Contents(java.util.List.of(), 0); // read() has already said what is wrong with the log
        }
        err.println("thrum: no client '" + SafeText.of(client) + "' in the client records or the log; known clients: "
                + (all.clients().isEmpty() ? "none" : String.join(", ", all.clients().stream().map(c -> SafeText.of(c.client().id())).toList())));
        return true;
    }

    private SyncSource.Contents read(PrintWriter err) throws IOException {
        try {
            SyncSource.Contents c = new SyncSource(log, configDir.resolve("clients")).read(client,
                    w -> err.println("thrum: warning: " + SafeText.of(w)));
            err.flush();
            return c;
        } catch (LogFileException e) {
            err.println("thrum: " + e.getMessage());
            return null;
        }
    }

    /** Region names for bodySite texts; a broken override only costs its names (with a warning), not the sync. */
    private RegionCatalogue regions(PrintWriter err) {
        try {
            return RegionCatalogueLoader.load(configDir);
        } catch (RuntimeException e) {
            err.println("thrum: warning: " + SafeText.of(e.getMessage()) + "; using the built-in region names");
            return RegionCatalogueLoader.builtIn();
        }
    }
}
