package dev.thrum.daemon.web;

import com.sun.net.httpserver.Headers;

import java.util.List;

/** Reads one cookie from the {@code Cookie} request headers, and writes the session cookie. */
public final class CookieHeader {
    private CookieHeader() {}

    /** The value of the cookie {@code name}, or null. */
    public static String value(Headers headers, String name) {
        List<String> lines = headers.get("Cookie");
        if (lines == null) return null;
        for (String line : lines) {
            for (String part : line.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) return part.substring(eq + 1).trim();
            }
        }
        return null;
    }

    /**
     * The session cookie: unreadable by scripts (HttpOnly), never sent with requests other sites
     * start (SameSite=Strict), for the whole daemon (Path=/), gone when the browser closes.
     */
    public static String session(String name, String id) {
        return name + "=" + id + "; Path=/; HttpOnly; SameSite=Strict";
    }

    /** Tells the browser to forget the session cookie (logout). */
    public static String expired(String name) {
        return name + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
