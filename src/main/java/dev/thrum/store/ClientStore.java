package dev.thrum.store;

import dev.thrum.program.Client;
import dev.thrum.program.ClientMatch;
import dev.thrum.program.ClientJson;
import dev.thrum.program.Problem;
import dev.thrum.program.RegionCatalogue;
import dev.thrum.program.ValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Client records, one JSON file per client ({@code ID.json}) under {@code $XDG_CONFIG_HOME/thrum/clients}.
 * This is health data: the directory is owner-only (700) and each file owner-only (600). Writes go to a
 * temporary file that is then moved over the old one, so a crash never leaves a half-written record.
 */
public final class ClientStore {
    private final Path dir;
    private final Supplier<RegionCatalogue> catalogue;

    /**
     * @param catalogue the regions a client's limits may name (with the user's override); a record
     *                  naming another region is refused, never loaded with that limit dropped
     */
    public ClientStore(Path clientsDir, RegionCatalogue catalogue) {
        this.dir = clientsDir;
        this.catalogue = () -> catalogue;
    }

    /**
     * A store whose catalogue is the built-in one with the override in the directory above
     * {@code clientsDir} (the config directory that holds both), loaded when first needed.
     */
    public ClientStore(Path clientsDir) {
        this.dir = clientsDir;
        Path configDir = clientsDir.toAbsolutePath().getParent();
        this.catalogue = new Supplier<>() {
            private RegionCatalogue loaded;

            @Override
            public synchronized RegionCatalogue get() {
                if (loaded == null) loaded = RegionCatalogueLoader.load(configDir);
                return loaded;
            }
        };
    }

    public Path directory() {
        return dir;
    }

    public Path fileOf(String id) {
        return dir.resolve(id + ".json");
    }

    /**
     * Every readable client, by id. Bad files are left out; the caller reports them once, from
     * {@link #problems()} (logging them here as well printed each twice).
     */
    public List<Client> list() {
        List<Client> out = new ArrayList<>();
        for (Path f : files()) {
            try {
                out.add(read(f));
            } catch (ValidationException e) {
                // reported through problems()
            }
        }
        return out;
    }

    /** Problems with files in the directory (each names its file); empty when all are fine. */
    public List<ValidationException> problems() {
        List<ValidationException> out = new ArrayList<>();
        for (Path f : files()) {
            try {
                read(f);
            } catch (ValidationException e) {
                // a broken regions.json refuses every client with the same problem: say it once
                if (out.stream().noneMatch(o -> o.getMessage().equals(e.getMessage()))) out.add(e);
            }
        }
        return out;
    }

    /** The client {@code idOrName} means by Thrum's one rule ({@link ClientMatch}), if exactly one. */
    public Optional<Client> find(String idOrName) {
        return ClientMatch.find(idOrName, list());
    }

    /** @throws ClientMatch.NoSuchClientException naming the candidates, when none or several match */
    public Client get(String idOrName) {
        // A client's own file, named exactly, is read even when it is bad, so its problem is told
        // (an unknown region, say) rather than "no such client".
        Path exact = idOrName == null || idOrName.isBlank() ? null : fileOf(Client.slug(idOrName));
        if (exact != null && Files.isRegularFile(exact)) return read(exact);
        return ClientMatch.resolve(idOrName, list());
    }

    /** Creates or replaces the client's file, atomically and owner-only. */
    public synchronized void save(Client client) {
        try {
            ensureDir();
            PrivateFiles.writeAtomically(fileOf(client.id()), ClientJson.write(client));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save client " + client.id() + " in " + dir + ": " + IoReason.of(e), e);
        }
    }

    /** @return false when there was no such client */
    public synchronized boolean remove(String idOrName) {
        try {
            Optional<Client> c = find(idOrName);
            return c.isPresent() && Files.deleteIfExists(fileOf(c.get().id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Remembers that the person asked for less on a region; the planner starts that region at this
     * target next time. Keeps the lower of the old and new value.
     */
    public synchronized Client rememberSofter(String clientId, String regionId, double newTarget) {
        Client updated = get(clientId).withSofter(regionId, Math.max(0, Math.min(1, newTarget)));
        save(updated);
        return updated;
    }

    /** Records that the person confirmed the condition warnings; later plans no longer ask. */
    public synchronized Client confirmConditions(String clientId) {
        Client updated = get(clientId).withConditionsConfirmed(true);
        save(updated);
        return updated;
    }

    private Client read(Path f) {
        String text;
        try {
            text = TextFiles.readUtf8(f);
        } catch (IOException e) {
            throw new ValidationException(Problem.of(f.toString(), "cannot read the file: " + IoReason.of(e)));
        }
        Client c = ClientJson.read(f.toString(), text, catalogue.get());
        String expected = f.getFileName().toString().replaceFirst("\\.json$", "");
        if (!c.id().equals(expected))
            throw new ValidationException(new Problem(f.toString(), null, "$.id", 0, 0, "the file holds client id '" + c.id()
                    + "' but is named " + f.getFileName() + "; rename the file to " + c.id() + ".json"));
        return c;
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".json") && !n.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureDir() throws IOException {
        if (!Files.isDirectory(dir)) PrivateFiles.createDirectories(dir);
    }
}
