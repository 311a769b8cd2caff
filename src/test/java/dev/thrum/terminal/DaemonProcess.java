package dev.thrum.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code thrum daemon} on the simulated massager as a child process in a test's private home. */
final class DaemonProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    final Process process;
    final int port;

    private DaemonProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DaemonProcess start(ThrumCommandLine thrum, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(thrum.command("daemon", "--port", "0"));
        cmd.addAll(List.of(args));
        Files.createDirectories(thrum.home.resolve("run"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(thrum.environment());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) { /* keep the pipe from filling */ }
                    } catch (IOException ignored) {
                        // the daemon ended
                    }
                }, "daemon-output");
                drain.setDaemon(true);
                drain.start();
                return new DaemonProcess(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("the daemon ended before it listened");
    }

    /** kill -9: the daemon vanishes without a word, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
