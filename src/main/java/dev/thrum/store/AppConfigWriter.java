package dev.thrum.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.json.JsonErrors;
import dev.thrum.json.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Changes one setting in {@code config.json} and leaves every other key as the person wrote it
 * (values, order, keys Thrum does not know). The file is replaced atomically and stays rw-------;
 * a file that does not parse is never overwritten, since that would throw away what the person
 * meant to write.
 */
public final class AppConfigWriter {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file could not be changed; the message names it (and the place, for a parse error) and says how to fix it. */
    public static final class Refused extends Exception {
        private final boolean fileProblem;

        Refused(String message, boolean fileProblem) {
            super(message);
            this.fileProblem = fileProblem;
        }

        /** True when the existing file is at fault (broken JSON, not an object), false for a disk or permission failure. */
        public boolean fileProblem() { return fileProblem; }
    }

    private AppConfigWriter() {}

    /** Sets {@code "device"} to {@code spec}, creating the file (and its folder) when missing. */
    public static void setDevice(Path file, String spec) throws Refused {
        ObjectNode root = read(file);
        root.put("device", spec);
        try {
            // a config.json linked from elsewhere (a dotfiles folder) stays a link: its target is replaced
            Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
            PrivateFiles.writeAtomically(target, PRETTY.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new Refused(file + ": cannot be written: " + IoReason.of(e) + "; the file was left as it was", false);
        }
    }

    private static ObjectNode read(Path file) throws Refused {
        if (!Files.exists(file)) return PRETTY.createObjectNode();
        String text;
        try {
            text = TextFiles.readUtf8(file);
        } catch (IOException e) {
            throw new Refused(file + ": cannot be read: " + IoReason.of(e) + "; nothing was written", true);
        }
        JsonNode root;
        try {
            root = StrictJson.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refused(file + ": " + JsonErrors.describe(e) + "; fix or delete the file, nothing was written", true);
        }
        if (root == null || root.isMissingNode()) return PRETTY.createObjectNode(); // an empty file holds no settings
        if (!(root instanceof ObjectNode o))
            throw new Refused(file + ": expected a JSON object like {\"device\": \"sim\", \"port\": 7411}; fix or delete the file, nothing was written", true);
        return o;
    }
}
