package dev.thrum.cli;

import dev.thrum.store.ThrumDirs;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * {@code --data-dir} and {@code --config-dir}, for the commands that read the user's files without
 * running a session (the review commands, {@code sync}): where those files are, and the
 * environment's folders when the options are not given.
 */
final class StoreDirOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Thrum's data directory: the usage log and what is kept about it "
                    + "(default: $XDG_DATA_HOME/thrum, else ~/.local/share/thrum).")
    Path dataDir;

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Thrum's config directory: client records (with their weekly targets and plans), fhir.json "
                    + "(default: $XDG_CONFIG_HOME/thrum, else ~/.config/thrum).")
    Path configDir;

    Path data() {
        return dataDir != null ? dataDir : ThrumDirs.fromEnvironment().data();
    }

    Path config() {
        return configDir != null ? configDir : ThrumDirs.fromEnvironment().config();
    }

    Path clients() {
        return config().resolve("clients");
    }
}
