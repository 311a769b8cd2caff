package dev.thrum.quick;

import dev.thrum.daemon.DaemonFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** The running daemon as the short paths find it: its state file and token, read as plain text. */
final class QuickDaemon {
    final int port;
    private final String token;

    private QuickDaemon(int port, String token) {
        this.port = port;
        this.token = token;
    }

    /** The daemon whose state file names a live process and whose token is readable; null when none. */
    static QuickDaemon find(DaemonFiles files) {
        try {
            String state = Files.readString(files.stateFile(), StandardCharsets.UTF_8);
            String token = Files.readString(files.tokenFile(), StandardCharsets.UTF_8).trim();
            String port = QuickHttp.field(state, "port"), pid = QuickHttp.field(state, "pid");
            if (port == null || pid == null || !QuickHttp.alive(pid)) return null;
            return new QuickDaemon(Integer.parseInt(port), token);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    QuickHttp.Response send(String method, String path) throws IOException {
        return QuickHttp.send(method, port, path, token);
    }
}
