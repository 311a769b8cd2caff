package dev.thrum.terminal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a test starts Thrum as the user does: the packaged {@code target/thrum.jar} when the build
 * has made it (after {@code ./mvnw package}, as in CI's verify), else the same main class on the
 * test class path; in a private home whose XDG directories hold nothing of the machine's.
 */
final class ThrumCommandLine {
    final Path home;

    ThrumCommandLine(Path home) {
        this.home = home;
    }

    /** The command words that start Thrum with {@code args}. */
    List<String> command(String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        Path jar = Path.of("target", "thrum.jar").toAbsolutePath();
        String other = System.getProperty("thrum.jar"); // to see a test fail on an older build
        if (other != null) {
            cmd.addAll(List.of("-jar", other));
        } else if (Files.isRegularFile(jar) && jarIsFresh(jar)) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.thrum.Main"));
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

    /** The jar is used only when no compiled class is newer (a stale jar would test old code). */
    private static boolean jarIsFresh(Path jar) {
        try (var classes = Files.walk(Path.of("target", "classes"))) {
            long built = Files.getLastModifiedTime(jar).toMillis();
            return classes.filter(Files::isRegularFile).allMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).toMillis() <= built;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** One shell word, quoted for sh. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
