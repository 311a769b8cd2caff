package dev.thrum.usage;

import dev.thrum.testkit.FileText;
import dev.thrum.testkit.Await;
import dev.thrum.testkit.ThrumLaunch;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The data faults an audit found, through the product ({@code dev.thrum.Main} in its own JVM, as
 * {@code ./thrum} runs it): a huge torn tail under the service's heap, and kill -9 of a sped-up run.
 */
class ProductDataFaultsTest {

    @TempDir
    Path dir;

    private Path data() { return dir.resolve("data/thrum"); }

    private Process thrum(Path output, List<String> jvm, String... args) throws IOException {
        List<String> options = new ArrayList<>(ThrumLaunch.FAST_START);
        options.addAll(jvm);
        return ThrumLaunch.inPrivateHome(ThrumLaunch.onClassPath(options, args), dir)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private String finish(Process p, Path output, int seconds) throws Exception {
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "did not end within " + seconds + " s:\n" + out);
        return out;
    }

    @Test
    void aFortyEightMegabyteTornTailDoesNotStopRunOrLogListUnderTheServiceHeap() throws Exception {
        UsageLog log = UsageLog.in(data());
        log.append(Sessions.session("20260302-090000-aaaa", "Ana", "sciatica", Instant.parse("2026-03-02T09:00:00Z"),
                Sessions.step(0, "glute", Side.LEFT, 90)));
        byte[] good = Files.readAllBytes(log.file());
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) '7');
        try (OutputStream out = Files.newOutputStream(log.file(), StandardOpenOption.APPEND)) {
            out.write("{\"schema\":\"thrum.session/1\",\"id\":\"x\",\"activeSeconds\":".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 48; i++) out.write(chunk);
        }

        Path runOut = dir.resolve("run.out");
        String run = finish(thrum(runOut, List.of("-Xmx48m"), "run", "general-warm-up", "--device", "sim", "--speedup", "100", "--plain"),
                runOut, 120);
        assertTrue(run.contains("finished: completed") && run.matches("(?s).*session \\d{8}-\\d{6}-[0-9a-f]{4}: completed.*"), run);
        assertFalse(run.contains("OutOfMemoryError"), run);

        Path listOut = dir.resolve("list.out");
        Process list = thrum(listOut, List.of("-Xmx48m"), "log", "list", "--zone", "UTC");
        String listed = finish(list, listOut, 60);
        assertEquals(0, list.exitValue(), listed);
        assertTrue(listed.contains("20260302-090000-aaaa") && listed.contains("general-warm-up"), listed);
        assertArrayEquals(good, Arrays.copyOf(Files.readAllBytes(log.file()), good.length), "the earlier record is untouched");
        assertTrue(Files.size(log.tornFile()) > 48L << 20, "the torn tail is kept aside");
    }

    @Test
    void killNineOfARunAtTenTimesSpeedRecoversTheActiveTimeUpToTheLastRealSave() throws Exception {
        Path runOut = dir.resolve("run.out");
        Process run = thrum(runOut, List.of(), "run", "sciatica-relief", "--device", "sim", "--speedup", "10", "--plain");
        Await.until(() -> {
            assertTrue(run.isAlive(), () -> "thrum run ended: " + FileText.of(runOut));
            return Files.readString(runOut).contains("step 1");
        }, Duration.ofSeconds(60), () -> "step 1: " + FileText.of(runOut));
        long startedNanos = System.nanoTime();
        while (System.nanoTime() - startedNanos < TimeUnit.SECONDS.toNanos(6)) {
            assertTrue(run.isAlive(), Files.readString(runOut));
            Thread.sleep(50); // not synchronisation: the session must run 6 real seconds before the kill
        }
        run.destroyForcibly(); // kill -9
        run.waitFor(10, TimeUnit.SECONDS);

        Path listOut = dir.resolve("list.out");
        Process list = thrum(listOut, List.of(), "log", "list", "--zone", "UTC");
        String listed = finish(list, listOut, 60);
        assertEquals(0, list.exitValue(), listed);
        String line = Files.readString(UsageLog.in(data()).file());
        Matcher active = Pattern.compile("\"activeSeconds\":([0-9.]+)").matcher(line);
        assertTrue(active.find() && line.contains("\"outcome\":\"interrupted\""), line);
        double seconds = Double.parseDouble(active.group(1));
        // 6 real seconds at 10x is about 60 session seconds (less the first ramp's rest-free start);
        // a save every 2 real seconds loses at most about 20 of them
        assertTrue(seconds >= 25, "recovered only " + seconds + " s active after 6 real seconds at 10x:\n" + listed);
    }

}
