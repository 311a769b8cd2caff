package dev.thrum.terminal;

import dev.thrum.testkit.DaemonChild;
import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a terminal test starts Thrum as the user does: the checkout's {@code ./thrum} launcher (the
 * packaged jar, its libraries and the start-up archive; the integration tests run after
 * {@code package}, see {@link ThrumLaunch#packaged}), in a private home whose XDG directories hold
 * nothing of the machine's, with a terminal type set.
 */
final class ThrumCommandLine {
    final Path home;

    ThrumCommandLine(Path home) {
        this.home = home;
    }

    /** The command words that start Thrum with {@code args}: the {@code ./thrum} launcher of this checkout. */
    List<String> command(String... args) {
        return ThrumLaunch.packaged(args);
    }

    /** The environment: the private home and its XDG directories. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(ThrumLaunch.privateHome(home));
        env.put("TERM", "xterm-256color");
        return env;
    }

    /** {@code thrum daemon --port 0 ARGS} on the simulated massager, in this home, once it listens. */
    DaemonChild startDaemon(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(command("daemon", "--port", "0"));
        cmd.addAll(List.of(args));
        Files.createDirectories(home.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(environment());
        return DaemonChild.start(pb);
    }

    /** One shell word, quoted for sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
