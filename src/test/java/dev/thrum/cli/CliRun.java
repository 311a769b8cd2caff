package dev.thrum.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process and captures what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun of(Object command, String... args) {
        CommandLine cl = CliErrors.handlersOnly(new CommandLine(command));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
