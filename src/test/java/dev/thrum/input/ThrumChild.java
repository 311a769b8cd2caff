package dev.thrum.input;

import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code thrum ARGS} ({@code dev.thrum.Main} on the test class path) in a child JVM whose XDG
 * directories sit under a temporary home, and captures its exit status and output: the messages
 * checked here are what a person sees in the terminal, from the real entry point.
 */
public record ThrumChild(int exit, String out, String err) {

    public static Path configDir(Path home) { return home.resolve("config/thrum"); }

    public static Path dataDir(Path home) { return home.resolve("data/thrum"); }

    public static ThrumChild run(Path home, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder pb = ThrumLaunch.inPrivateHome(ThrumLaunch.onClassPath(List.of("-Xshare:auto"), args), home)
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("thrum " + String.join(" ", args) + " did not end within 60 s; stderr: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new ThrumChild(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Both streams, for assertion messages. */
    public String both() { return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err; }
}
