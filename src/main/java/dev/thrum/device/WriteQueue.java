package dev.thrum.device;

import dev.thrum.protocol.DeviceCommand;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The commands waiting to be written, oldest first, apart from stop (the session keeps stop
 * outside the queue so it always goes first). A newer speed takes the place of a queued older one,
 * so the device never works through stale speeds; a request already waiting is not queued twice.
 * Not thread-safe: used on the session's thread only.
 */
final class WriteQueue {

    /** @param pinned a speed that must reach the device even if a newer one follows (a ramp's first, lowest value) */
    record Pending(DeviceCommand command, byte[] bytes, boolean pinned) {
        Pending(DeviceCommand command, byte[] bytes) { this(command, bytes, false); }
    }

    private final Deque<Pending> queue = new ArrayDeque<>();
    private long superseded;

    void add(DeviceCommand command, byte[] bytes) {
        add(command, bytes, false);
    }

    /**
     * Queues a command. A pinned speed is never replaced: a newer speed waits behind it. That keeps
     * "every ramp starts at the lowest running value" true at the device, not only in the engine.
     */
    void add(DeviceCommand command, byte[] bytes, boolean pinned) {
        if (command instanceof DeviceCommand.Stop) throw new IllegalArgumentException("stop does not wait in the queue");
        boolean isSpeed = command instanceof DeviceCommand.SetSpeed;
        for (var it = queue.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (isSpeed && p.command() instanceof DeviceCommand.SetSpeed && !p.pinned()) {
                replace(p, new Pending(command, bytes, pinned));
                superseded++;
                return;
            }
            if (!isSpeed && p.command().equals(command)) return;
        }
        queue.addLast(new Pending(command, bytes, pinned));
    }

    private void replace(Pending old, Pending newer) {
        Deque<Pending> rebuilt = new ArrayDeque<>(queue.size());
        for (Pending p : queue) rebuilt.addLast(p == old ? newer : p);
        queue.clear();
        queue.addAll(rebuilt);
    }

    /** Drops every queued speed; returns how many. */
    int dropSpeeds() {
        int n = 0;
        for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
            if (it.next().command() instanceof DeviceCommand.SetSpeed) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    Pending poll() { return queue.pollFirst(); }

    boolean isEmpty() { return queue.isEmpty(); }

    int size() { return queue.size(); }

    boolean contains(DeviceCommand command) {
        for (Pending p : queue) if (p.command().equals(command)) return true;
        return false;
    }

    long superseded() { return superseded; }
}
