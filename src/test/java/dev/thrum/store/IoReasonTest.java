package dev.thrum.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Write and read failures say why, not only where (issue 13, item 22). */
class IoReasonTest {
    @TempDir Path tmp;

    @Test
    void the_jdk_exceptions_that_carry_only_a_path_get_their_reason() {
        // AccessDeniedException's message is just the path: the audit's "names a path but not the reason"
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("/home/a/.local/share/thrum/usage-log.jsonl")));
        assertEquals("no space left on device", IoReason.of(new IOException("No space left on device")));
        assertEquals("read-only file system", IoReason.of(new FileSystemException("/x", null, "Read-only file system")));
        assertEquals("permission denied", IoReason.of((Throwable) new UncheckedIOException(new AccessDeniedException("/x"))));
    }

    @Test
    void a_client_that_cannot_be_saved_says_why() throws Exception {
        Path clients = tmp.resolve("clients");
        Files.writeString(clients, "a file where the directory should be");
        ClientStore store = new ClientStore(clients, RegionCatalogueLoader.builtIn());
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.save(dev.thrum.program.Client.named("Ann")));
        assertTrue(e.getMessage().startsWith("cannot save client ann in " + clients + ": not a directory"), e.getMessage());
    }
}
