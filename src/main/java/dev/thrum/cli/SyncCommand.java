package dev.thrum.cli;

import dev.thrum.fhir.FhirSyncTask;
import dev.thrum.fhir.RetryPolicy;
import dev.thrum.files.ThrumDirs;
import dev.thrum.log.JournalRecovery;
import dev.thrum.log.UsageLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code thrum sync fhir}: sends sessions, pain scores and plans to a clinic's FHIR server, or writes
 * them as one Bundle file. Thin on purpose: the work (and every HAPI FHIR class) is behind
 * {@link FhirSyncTask}, so the FHIR model loads only when this command runs.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Send records to another system (see docs/fhir.md).",
        subcommands = SyncCommand.Fhir.class)
public final class SyncCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "fhir", mixinStandardHelpOptions = true,
            description = {"Send sessions (Procedure), pain scores (Observation), plans (CarePlan) and clients (Patient) "
                    + "to a FHIR R4 server; only what it has not confirmed yet. Safe to repeat.",
                    "With --bundle, write them as one FHIR transaction Bundle file instead."})
    static final class Fhir implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Option(names = "--server", paramLabel = "URL",
                description = "The server's base URL, for example https://fhir.clinic.example/fhir (default: \"server\" in fhir.json).")
        String server;

        @Option(names = "--bundle", paramLabel = "FILE", description = "Write one Bundle file instead of sending.")
        Path bundle;

        @Option(names = "--client", paramLabel = "NAME", description = "Only this client's records.")
        String client;

        @Option(names = "--data-dir", paramLabel = "DIR",
                description = "Thrum's data directory: the log and the sync state (default: $XDG_DATA_HOME/thrum, else ~/.local/share/thrum).")
        Path dataDir;

        @Option(names = "--config-dir", paramLabel = "DIR",
                description = "Thrum's config directory: fhir.json and clients/ (default: $XDG_CONFIG_HOME/thrum, else ~/.config/thrum).")
        Path configDir;

        @Override
        public Integer call() throws IOException {
            CommandLine cmd = spec.commandLine();
            if (bundle != null && server != null)
                throw new CommandLine.ParameterException(cmd, "--bundle writes a file and --server sends: give one of them");
            ThrumDirs dirs = ThrumDirs.fromEnvironment();
            Path data = dataDir != null ? dataDir : dirs.data();
            Path config = configDir != null ? configDir : dirs.config();
            UsageLog log = UsageLog.in(data);
            PrintWriter out = cmd.getOut(), err = cmd.getErr();
            recover(log, err);
            FhirSyncTask task = new FhirSyncTask(config, data, log.file(), client, RetryPolicy.DEFAULT);
            try {
                return bundle != null ? task.export(bundle, out, err) : task.sync(server, out, err);
            } catch (IllegalArgumentException e) {
                err.println("thrum: " + e.getMessage());
                return 1;
            } finally {
                out.flush();
                err.flush();
            }
        }

        /** A session cut short by a crash becomes a record first, so it is sent too. */
        private static void recover(UsageLog log, PrintWriter err) {
            if (!Files.isDirectory(log.journalDir())) return;
            try {
                JournalRecovery.Result r = log.recover();
                r.problems().forEach(p -> err.println("thrum: warning: " + p));
            } catch (IOException e) {
                err.println("thrum: warning: could not recover unfinished sessions in " + log.journalDir() + ": " + e.getMessage());
            }
        }
    }
}
