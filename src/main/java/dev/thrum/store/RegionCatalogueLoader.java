package dev.thrum.store;

import dev.thrum.program.Problem;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.RegionCatalogueParser;
import dev.thrum.program.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the region catalogue: the built-in {@code regions.json} resource, tightened by the user's
 * {@code $XDG_CONFIG_HOME/thrum/regions.json} when it exists. A bad override file is an error, not
 * silently ignored: the user wrote it to make things safer.
 */
public final class RegionCatalogueLoader {
    public static final String RESOURCE = "/regions.json";
    public static final String OVERRIDE_FILE = "regions.json";

    private RegionCatalogueLoader() {}

    public static RegionCatalogue builtIn() {
        return RegionCatalogueParser.parse("built-in regions.json", Resources.text(RESOURCE));
    }

    /** Built-in catalogue plus {@code configDir/regions.json} if present. @throws ValidationException */
    public static RegionCatalogue load(Path configDir) {
        RegionCatalogue base = builtIn();
        Path override = configDir.resolve(OVERRIDE_FILE);
        if (!Files.exists(override)) return base;
        String text;
        try {
            text = TextFiles.readUtf8(override);
        } catch (IOException e) {
            throw new ValidationException(Problem.of(override.toString(), "cannot read the file: " + IoReason.of(e)));
        }
        return RegionCatalogueParser.override(base, override.toString(), text);
    }

    /** Classpath resources as text. */
    static final class Resources {
        private Resources() {}

        static String text(String name) {
            try (InputStream in = RegionCatalogueLoader.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("resource missing from the build: " + name);
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
