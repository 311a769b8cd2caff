package dev.thrum.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Thrum as the user does ({@code ./thrum}, the packaged product) in a private home, without
 * a terminal, and returns what it printed and its exit code.
 */
final class ThrumProcess {
    record Result(int exit, String out, String err) {
        String both() { return out + err; }
    }

    private final Path home;

    ThrumProcess(Path home) {
        this.home = home;
    }

    Path config() { return home.resolve("config/thrum"); }

    Path data() { return home.resolve("data/thrum"); }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        String other = System.getProperty("thrum.jar"); // to see a test fail on an older build
        if (other != null) cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", other));
        else cmd.add(Path.of("thrum").toAbsolutePath().toString()); // the launcher, as the user runs it
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        Files.createDirectories(home.resolve("run"));
        Path out = Files.createTempFile(home, "out", ".txt"), err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("thrum " + String.join(" ", args) + " did not end");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
