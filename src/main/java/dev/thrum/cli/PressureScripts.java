package dev.thrum.cli;

import dev.thrum.transport.sim.PressureScript;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a {@code --pressure-script} file for the simulator, turning every problem into a one-line error. */
final class PressureScripts {

    private PressureScripts() {}

    static PressureScript read(Path file, CommandLine cmd) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd,
                    "cannot read the pressure script " + file + ": " + e.getClass().getSimpleName()
                            .replace("NoSuchFileException", "no such file").replace("AccessDeniedException", "permission denied")
                            .replace("MalformedInputException", "not UTF-8 text"));
        }
        try {
            return PressureScript.parse(file.toString(), text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }
}
