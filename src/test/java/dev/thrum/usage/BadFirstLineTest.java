package dev.thrum.usage;

import dev.thrum.cli.ThrumCommand;
import dev.thrum.program.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/**
 * One damaged line at the top (NUL bytes from a crash, a line over 8 MB) must not hide the sessions
 * appended after it: {@code thrum log list} judges the file by its good lines and names the bad one.
 */
class BadFirstLineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private Run logList(Path data) {
        CommandLine cl = ThrumCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("log", "list", "--data-dir", data.toString(), "--zone", "UTC");
        return new Run(exit, out.toString(), err.toString());
    }

    private UsageLog logStartingWith(byte[] firstLine) throws IOException {
        UsageLog log = UsageLog.in(dir.resolve("data"));
        Files.createDirectories(log.dataDir());
        try (OutputStream out = Files.newOutputStream(log.file())) {
            out.write(firstLine);
            out.write('\n');
        }
        log.append(Sessions.session("20260302-090000-aaaa", "Ana", "sciatica", T0, Sessions.step(0, "glute", Side.LEFT, 90)));
        log.append(Sessions.session("20260303-090000-bbbb", "Ben", "calves", T0.plusSeconds(86400), Sessions.step(0, "calf", Side.LEFT, 60)));
        return log;
    }

    @Test
    void nulBytesOnTheFirstLineAreSkippedAndTheSessionsAfterThemListed() throws Exception {
        byte[] nuls = new byte[4096]; // what a power loss can leave in a block that was never written
        UsageLog log = logStartingWith(nuls);
        Run r = logList(log.dataDir());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("20260302-090000-aaaa") && r.out().contains("20260303-090000-bbbb"), r.out());
        assertTrue(r.err().contains(log.file() + " line 1: skipped, holds binary data"), r.err());
    }

    @Test
    void aFirstLineOverEightMegabytesIsSkippedAndTheSessionsAfterItListed() throws Exception {
        byte[] huge = new byte[LineScanner.MAX_LINE + 100];
        Arrays.fill(huge, (byte) 'a');
        UsageLog log = logStartingWith(huge);
        Run r = logList(log.dataDir());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("20260302-090000-aaaa") && r.out().contains("20260303-090000-bbbb"), r.out());
        assertTrue(r.err().contains(log.file() + " line 1: skipped, the line is longer than 8 MB"), r.err());
    }

    @Test
    void aFileOfNothingButBinaryIsStillRefusedWithTheLine() throws Exception {
        Path bin = dir.resolve("picture.png");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, '\n', 1, 2, 0});
        CommandLine cl = ThrumCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("log", "list", "--log", bin.toString()));
        assertTrue(err.toString().contains(bin + ": not a Thrum usage log: line 1 holds binary data"), err.toString());
        assertFalse(err.toString().contains("\u0000"), "no raw bytes reach the terminal");
    }
}
