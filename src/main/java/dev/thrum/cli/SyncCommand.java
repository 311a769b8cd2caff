package dev.thrum.cli;

import dev.thrum.fhir.FhirSyncTask;
import dev.thrum.fhir.RetryPolicy;
import dev.thrum.usage.UsageLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
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

        @Mixin StoreDirOptions dirs;

        @Override
        public Integer call() throws IOException {
            CommandLine cmd = spec.commandLine();
            if (bundle != null && server != null)
                throw new CommandLine.ParameterException(cmd, "--bundle writes a file and --server sends: give one of them");
            Path data = dirs.data();
            Path config = dirs.config();
            UsageLog log = UsageLog.in(data);
            PrintWriter out = cmd.getOut(), err = cmd.getErr();
            InterruptedSessions.recover(log, err, false);
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
    }
}
