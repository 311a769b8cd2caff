package dev.thrum.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that builds the command line of Thrum started as a child process in a test.
 * Two ways, for two layers (docs/testing.md):
 * <ul>
 *   <li>{@link #onClassPath}: {@code dev.thrum.Main} in a fresh JVM on the test class path, for unit
 *       tests that need a real process (signals, exit codes, a daemon to talk to) without packaging;</li>
 *   <li>{@link #packaged}: the checkout's {@code ./thrum} launcher, the product as users start it
 *       (after {@code package}); a {@code -Dthrum.jar=OTHER.jar} runs that jar instead, to see a test
 *       fail on an older build.</li>
 * </ul>
 * {@link #privateHome} gives the environment that keeps the child away from the machine's own files.
 */
public final class ThrumLaunch {
    /** The project folder: Maven runs the tests there. */
    public static final Path PROJECT = Path.of("").toAbsolutePath();
    /** The checkout's launcher script. */
    public static final Path LAUNCHER = PROJECT.resolve("thrum");

    /** JVM options for a child that should start fast rather than run fast (tests' short runs). */
    public static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1");

    private ThrumLaunch() {}

    /** The {@code java} of the JVM running the tests, so the child runs on the same JDK. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java JVM_OPTIONS -cp TEST_CLASS_PATH dev.thrum.Main ARGS}. */
    public static List<String> onClassPath(List<String> jvmOptions, String... args) {
        return mainOnClassPath("dev.thrum.Main", jvmOptions, args);
    }

    /** {@code java JVM_OPTIONS -cp TEST_CLASS_PATH MAIN_CLASS ARGS}: a test's own child program. */
    public static List<String> mainOnClassPath(String mainClass, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** {@code ./thrum ARGS}, or {@code java -jar JAR ARGS} when the {@code thrum.jar} property names one. */
    public static List<String> packaged(String... args) {
        List<String> cmd = new ArrayList<>();
        String other = System.getProperty("thrum.jar"); // to see a test fail on an older build
        if (other != null) cmd.addAll(List.of(java(), "-jar", other));
        else cmd.add(LAUNCHER.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * HOME, XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR under {@code home} (as
     * {@code config}, {@code data} and {@code run}): settings, the usage log, the API token and the
     * daemon's state file all land there, never in the user's own folders.
     */
    public static Map<String, String> privateHome(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        return env;
    }

    /** A ProcessBuilder for {@code command} in the {@link #privateHome} under {@code home} (its run folder made). */
    public static ProcessBuilder inPrivateHome(List<String> command, Path home) throws IOException {
        Files.createDirectories(home.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(privateHome(home));
        return pb;
    }
}
