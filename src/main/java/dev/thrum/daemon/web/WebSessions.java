package dev.thrum.daemon.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;

/**
 * The browser sessions a login made: random ids kept in memory only, so a daemon restart logs every
 * browser out (a fresh {@code thrum open} logs in again). At most {@link #MAX} are kept; a new login
 * beyond that ends the oldest.
 */
public final class WebSessions {
    static final int MAX = 16;
    private static final int BYTES = 32;

    private final Deque<String> ids = new ArrayDeque<>();

    /** A new session id for the cookie. */
    public synchronized String open() {
        byte[] bytes = new byte[BYTES];
        Randomness.SOURCE.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        ids.addLast(id);
        while (ids.size() > MAX) ids.removeFirst();
        return id;
    }

    public synchronized boolean valid(String id) {
        if (id == null) return false;
        boolean found = false;
        for (String known : ids)
            found |= MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII), id.getBytes(StandardCharsets.US_ASCII));
        return found;
    }

    public synchronized void close(String id) { ids.remove(id); }
}
