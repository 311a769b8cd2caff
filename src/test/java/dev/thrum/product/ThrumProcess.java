package dev.thrum.product;

import dev.thrum.testkit.ThrumLaunch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        ProcessBuilder pb = ThrumLaunch.inPrivateHome(ThrumLaunch.packaged(args), home) // as the user runs it
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
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
