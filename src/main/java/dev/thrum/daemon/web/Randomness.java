package dev.thrum.daemon.web;

import java.security.SecureRandom;

/**
 * The secure random source for login codes and session ids, made on first use: the daemon starts
 * without paying for it (its start-to-ready time is a measured target), and most starts never log
 * a browser in.
 */
final class Randomness {
    static final SecureRandom SOURCE = new SecureRandom();

    private Randomness() {}
}
