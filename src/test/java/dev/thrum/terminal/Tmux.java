package dev.thrum.terminal;

import dev.thrum.testkit.Await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real terminal for tests: a tmux server on a private socket ({@code tmux -L}), one window of a
 * given size running a shell, read back with {@code capture-pane}. Keys go in with
 * {@code send-keys}; {@code resize-window} changes the size as a person dragging the window does.
 */
final class Tmux implements AutoCloseable {
    private final String socket = "thrum-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** tmux is installed (CI installs it; locally a loud skip names the package). */
    static void assumeInstalled() {
        boolean found;
        try {
            found = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            found = false;
        }
        if (!found && "true".equals(System.getenv("CI"))) fail("tmux is needed for the terminal tests: apt-get install tmux");
        if (!found) System.err.println("\n*** SKIPPING terminal tests: tmux is not installed (apt-get install tmux) ***\n");
        assumeTrue(found, "tmux is not installed (apt-get install tmux)");
    }

    /** Starts a shell in a {@code columns} x {@code rows} terminal with this environment, in this directory. */
    static Tmux start(int columns, int rows, Map<String, String> env, String dir) throws IOException {
        Tmux t = new Tmux();
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-x", "" + columns, "-y", "" + rows, "-c", dir));
        cmd.add("env");
        env.forEach((k, v) -> cmd.add(k + "=" + v));
        cmd.addAll(List.of("PS1=$ ", "sh"));
        t.tmux(cmd.toArray(String[]::new));
        t.tmux("set-option", "-g", "status", "off");
        t.tmux("set-option", "-g", "history-limit", "5000");
        return t;
    }

    /** Types {@code text} and presses Enter. */
    void type(String text) throws IOException {
        tmux("send-keys", "-l", text);
        tmux("send-keys", "Enter");
    }

    /** Presses keys by tmux name ({@code Space}, {@code C-c}, {@code q}). */
    void keys(String... keys) throws IOException {
        String[] args = new String[keys.length + 1];
        args[0] = "send-keys";
        System.arraycopy(keys, 0, args, 1, keys.length);
        tmux(args);
    }

    void resize(int columns, int rows) throws IOException {
        tmux("resize-window", "-x", "" + columns, "-y", "" + rows);
    }

    /** The visible screen, one string per row (trailing blanks trimmed). */
    List<String> screen() throws IOException {
        String text = tmux("capture-pane", "-p");
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        return Arrays.stream(text.split("\n", -1)).map(String::stripTrailing).toList();
    }

    /** Everything the pane showed, the scrollback included. */
    String history() throws IOException {
        return tmux("capture-pane", "-p", "-S", "-");
    }

    /** Waits for a screen that passes {@code test}; fails with the last screen after {@code limit}. */
    List<String> await(Duration limit, String what, Predicate<List<String>> test) throws IOException, InterruptedException {
        // a look is a tmux process: every 50 ms, not the default 10
        return Await.value(this::screen, test, limit, Duration.ofMillis(50), () -> what);
    }

    String tmux(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0)
                throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }
}
