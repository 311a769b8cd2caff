package dev.thrum.app;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a simulator pressure script file (docs/pressure.md); every problem is one line naming the file. */
public final class PressureScripts {

    private PressureScripts() {}

    /** @throws IllegalArgumentException with a message a person can act on */
    public static ScriptedPress read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read the pressure script " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot read the pressure script " + file + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("cannot read the pressure script " + file + ": it is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the pressure script " + file + ": " + e.getMessage());
        }
        return ScriptedPress.parse(file.toString(), text);
    }
}
