package dev.thrum.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code thrum daemon} child process that has said it listens: started from a ProcessBuilder
 * made with {@link ThrumLaunch} (class path or packaged), it is returned once its stdout shows the
 * "listening on" line, with the port it chose ({@code --port 0}). Its stdout is drained from then
 * on so a chatty daemon never blocks on a full pipe. Close it to stop it (SIGTERM, then SIGKILL).
 */
public final class DaemonChild implements AutoCloseable {
    public static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    public final Process process;
    public final int port;

    private DaemonChild(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code pb} and reads its stdout until the daemon listens; fails if it ends first. */
    public static DaemonChild start(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                drain(out);
                return new DaemonChild(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new IOException("the daemon (" + String.join(" ", pb.command()) + ") ended before it listened (exit "
                + waitQuietly(p) + ")");
    }

    private static void drain(BufferedReader out) {
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) { /* keep the pipe from filling */ }
            } catch (IOException ignored) {
                // the daemon ended
            }
        }, "daemon-child-stdout");
        drain.setDaemon(true);
        drain.start();
    }

    public long pid() { return process.pid(); }

    /** kill -9: the daemon vanishes without a word, as in a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private static int waitQuietly(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
