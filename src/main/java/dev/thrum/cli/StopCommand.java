package dev.thrum.cli;

import dev.thrum.daemon.DaemonClient;
import dev.thrum.daemon.DaemonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code thrum stop}: the emergency stop, through the running daemon. */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Emergency stop through the running daemon.",
                "The daemon stops the motor at once, whatever it is doing, and answers once the stop frame",
                "was written. Exits 1 when no daemon runs, the stop could not be written, or the massager is not",
                "answering (the stop is then not confirmed: switch it off by hand)."})
public final class StopCommand implements Callable<Integer> {
    private final Supplier<DaemonFiles> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public StopCommand() { this.files = DaemonFiles::fromEnvironment; }

    /** For tests: find the daemon through these files instead of the environment's. */
    public StopCommand(DaemonFiles files) { this.files = () -> files; }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Optional<DaemonClient> daemon = DaemonClient.find(files.get());
        if (daemon.isEmpty()) {
            err.println("thrum stop: no thrum daemon is running, so there is nothing to stop through it."
                    + " A session started with 'thrum run' stops with its own keys (s or Ctrl-C); otherwise switch the massager off by hand.");
            return 1;
        }
        try {
            DaemonClient.Response r = daemon.get().emergencyStop();
            if (!r.ok()) {
                err.println("thrum stop: " + r.errorText());
                return 1;
            }
            double millis = r.body().path("millis").asDouble();
            if (!r.body().path("confirmed").asBoolean(true)) {
                err.println(String.format(Locale.ROOT, "thrum stop: stop sent (frame written %.1f ms after the request), but"
                        + " the massager is not answering, so Thrum cannot confirm it stopped. The motor may still be"
                        + " running: switch it off by hand.", millis));
                return 1;
            }
            out.println(String.format(Locale.ROOT, "Motor stopped (stop frame written %.1f ms after the request).", millis));
            return 0;
        } catch (IOException e) {
            err.println("thrum stop: " + e.getMessage() + "; switch the massager off by hand");
            return 1;
        }
    }
}
