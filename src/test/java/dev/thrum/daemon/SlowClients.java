package dev.thrum.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Connections that hold a daemon's resources without finishing a request: some send nothing, some
 * send half a request line and stop (a "slow loris"). Shared by the limits test and the benchmark.
 */
final class SlowClients implements AutoCloseable {
    private final List<Socket> sockets = new ArrayList<>();

    /** Opens {@code idle} silent and {@code partial} half-sent connections to the port. */
    static SlowClients open(int port, int idle, int partial) throws IOException {
        SlowClients c = new SlowClients();
        for (int i = 0; i < idle + partial; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            if (i >= idle) s.getOutputStream().write("GET /session HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            c.sockets.add(s);
        }
        return c;
    }

    /** How many of the connections the server has closed (end of stream or reset). */
    int closedByServer() throws IOException {
        int closed = 0;
        for (Socket s : sockets) {
            s.setSoTimeout(5);
            try {
                if (s.getInputStream().read() == -1) closed++;
            } catch (SocketTimeoutException stillOpen) {
                // the server still holds it
            } catch (IOException reset) {
                closed++;
            }
        }
        return closed;
    }

    int size() { return sockets.size(); }

    /** Threads of the daemon's API executor alive now. */
    static long apiThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith("thrum-api-")).count();
    }

    @Override
    public void close() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // already closed by the server
            }
        }
    }
}
