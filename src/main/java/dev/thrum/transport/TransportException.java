package dev.thrum.transport;

/** A transport failure with a message a user can act on (which port or device, and what to do). */
public class TransportException extends Exception {
    public TransportException(String message) { super(message); }

    public TransportException(String message, Throwable cause) { super(message, cause); }
}
