package dev.thrum;

import dev.thrum.cli.ThrumCommand;
import picocli.CommandLine;

/** Entry point: composes the application and hands the arguments to the CLI. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ThrumCommand.commandLine().execute(args));
    }
}
