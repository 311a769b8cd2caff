package dev.thrum.daemon;

import dev.thrum.store.ThrumDirs;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the daemon and its clients meet: the API token (kept across restarts, in the config
 * directory) and the state file the running daemon writes (its port and pid). The state file lives
 * under {@code $XDG_RUNTIME_DIR/thrum} when that is set (a private tmpfs the session owns),
 * otherwise in the data directory.
 */
public record DaemonFiles(Path tokenFile, Path stateFile) {

    public static final String TOKEN_FILE = "api-token";
    public static final String STATE_FILE = "daemon.json";

    public static DaemonFiles fromEnvironment() {
        return from(ThrumDirs.fromEnvironment(), System.getenv());
    }

    public static DaemonFiles from(ThrumDirs dirs, Map<String, String> env) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path stateDir = runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()
                ? Path.of(runtime).resolve("thrum")
                : dirs.data();
        return new DaemonFiles(dirs.config().resolve(TOKEN_FILE), stateDir.resolve(STATE_FILE));
    }
}
