package dev.thrum.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The names of the profiles packed under {@code device-profiles/} in the jar (or in
 * {@code target/classes} when run from the build), found by listing that folder: a profile added to
 * the repository's {@code device-profiles/} is a built-in without a second list to keep in step.
 */
public final class BuiltInProfileFiles {
    static final String FOLDER = "device-profiles";

    private BuiltInProfileFiles() {}

    /** File names such as {@code theragun-gen4.json}, sorted; empty when the folder is not packed. */
    public static List<String> list() throws IOException {
        URL folder = BuiltInProfileFiles.class.getResource("/" + FOLDER + "/");
        if (folder == null) return List.of();
        List<String> names = switch (folder.getProtocol()) {
            case "jar" -> inJar(folder);
            case "file" -> inDirectory(folder);
            default -> throw new IOException("cannot list " + folder + " (a " + folder.getProtocol() + " URL)");
        };
        return names.stream().filter(n -> n.endsWith(".json")).sorted().toList();
    }

    private static List<String> inJar(URL folder) throws IOException {
        // the class loader already holds the jar open; the connection reuses it
        JarURLConnection connection = (JarURLConnection) folder.openConnection();
        JarFile jar = connection.getJarFile();
        List<String> names = new ArrayList<>();
        String prefix = FOLDER + "/";
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String entry = e.nextElement().getName();
            if (entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0 && entry.length() > prefix.length())
                names.add(entry.substring(prefix.length()));
        }
        return names;
    }

    private static List<String> inDirectory(URL folder) throws IOException {
        Path dir;
        try {
            dir = Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + folder + " as a path", e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
