package dev.thrum.fhir;

import dev.thrum.store.PrivateFiles;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * What one FHIR server has confirmed, kept under the data directory in
 * {@code fhir-sync/HOST-DIGEST.sent}: one line per record ({@code session ID}, {@code plan ID},
 * {@code patient ID}), appended and forced to disk after each bundle the server accepted.
 * <p>
 * This file is the sync queue's other half: the queue is everything in the usage log and the client
 * records that is not listed here. Nothing needs writing before a send, so a crash, a kill or a server
 * that is down for a week loses nothing: the next sync finds the same records still unlisted. A line
 * cut short by a crash is ignored (its records are resent; the server's conditional create makes that
 * harmless).
 */
public final class SyncState {
    public static final String DIR = "fhir-sync";
    private final Path file;
    private final Set<String> sent = new HashSet<>();

    private SyncState(Path file) {
        this.file = file;
    }

    /** The state for one server (by its base URL) under a data directory. */
    public static SyncState load(Path dataDir, URI server) throws IOException {
        SyncState s = new SyncState(dataDir.resolve(DIR).resolve(fileName(server)));
        if (Files.exists(s.file)) {
            String text = Files.readString(s.file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end >= 0) for (String line : text.substring(0, end).split("\n")) if (!line.isBlank()) s.sent.add(line.strip());
        }
        return s;
    }

    public Path file() { return file; }

    public boolean has(String key) { return sent.contains(key); }

    public int size() { return sent.size(); }

    public static String session(String id) { return "session " + id; }

    public static String plan(String id) { return "plan " + id; }

    public static String patient(String id) { return "patient " + id; }

    /** Records keys as confirmed: appended and forced to disk before this returns. */
    public void add(Collection<String> keys) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String k : keys) if (sent.add(k)) b.append(k).append('\n');
        if (b.length() == 0) return;
        PrivateFiles.createDirectories(file.getParent());
        try (FileChannel ch = PrivateFiles.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             java.nio.channels.FileLock ignored = ch.lock()) { // two syncs at once must not write over each other's lines
            long end = ch.size();
            if (end > 0 && !endsWithNewline(ch)) b.insert(0, '\n'); // a line torn by a crash stays a line of its own
            ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) end += ch.write(buf, end);
            ch.force(true);
        }
    }

    private static boolean endsWithNewline(FileChannel ch) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, ch.size() - 1);
        return one.get(0) == '\n';
    }

    /** Readable and unique per server: {@code clinic.example-443-1a2b3c4d5e6f.sent}. */
    static String fileName(URI server) {
        String host = server.getHost() == null ? "server" : server.getHost().replaceAll("[^A-Za-z0-9.-]", "_");
        String normal = server.toString().replaceAll("/+$", "");
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return host + "-" + server.getPort() + "-" + HexFormat.of().formatHex(h, 0, 6) + ".sent";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
