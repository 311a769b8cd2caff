package dev.thrum.terminal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a test starts Thrum as the user does: the checkout's {@code ./thrum} launcher (the packaged
 * jar, its libraries and the start-up archive; the integration tests run after {@code package}),
 * in a private home whose XDG directories hold nothing of the machine's.
 */
final class ThrumCommandLine {
    final Path home;

    ThrumCommandLine(Path home) {
        this.home = home;
    }

    /** The command words that start Thrum with {@code args}: the {@code ./thrum} launcher of this checkout. */
    List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        String other = System.getProperty("thrum.jar"); // to see a test fail on an older build
        if (other != null) {
            cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", other));
        } else {
            cmd.add(Path.of("thrum").toAbsolutePath().toString());
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The environment: the private home and its XDG directories. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("TERM", "xterm-256color");
        return env;
    }

    /** One shell word, quoted for sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
