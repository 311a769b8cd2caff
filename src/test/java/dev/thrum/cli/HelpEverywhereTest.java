package dev.thrum.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Walks the whole command tree: every command answers --help; mistakes get one line and one hint. */
class HelpEverywhereTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = ThrumCommand.commandLine(args);
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    static void paths(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            paths(e.getValue(), path, into);
        }
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        List<List<String>> all = new ArrayList<>();
        paths(ThrumCommand.commandLine(), List.of(), all);
        assertTrue(all.size() > 25, "the whole tree: " + all);
        for (List<String> path : all) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.out().contains("Usage: thrum " + String.join(" ", path)), String.join(" ", args) + ":\n" + r.out());
        }
    }

    @Test
    void runHelpListsTheKeys() {
        String help = run("run", "--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("q, s or Esc stop") && help.contains("space or p pause") && help.contains("Enter skips"), help);
    }

    @Test
    void aMistakeIsOneLinePlusOneHintWithDidYouMean() {
        Run r = run("rnu");
        assertEquals(2, r.exit());
        assertEquals(List.of("thrum: unknown command 'rnu' (did you mean 'run'?)", "see 'thrum --help'"), r.err().lines().toList());
        Run lgo = run("lgo");
        assertTrue(lgo.err().startsWith("thrum: unknown command 'lgo' (did you mean 'log'?)"), lgo.err());
        Run sub = run("programs", "shwo");
        assertEquals(2, sub.exit());
        assertTrue(sub.err().contains("did you mean 'show'?") && sub.err().contains("see 'thrum programs --help'"), sub.err());
        Run missing = run("programs", "check");
        assertEquals(2, missing.exit());
        assertEquals(2, missing.err().lines().count(), "no usage dump: " + missing.err());
        assertTrue(missing.err().lines().toList().get(1).equals("see 'thrum programs check --help'"), missing.err());
        Run option = run("run", "general-warm-up", "--spedup", "2");
        assertTrue(option.err().contains("unknown option '--spedup' (did you mean '--speedup'?)"), option.err());
        assertEquals(2, option.err().lines().count(), option.err());
    }
}
