package dev.thrum.daemon.web;

import com.sun.net.httpserver.Headers;

/**
 * The headers every page and page file carries. The content security policy lets the page load
 * only the daemon's own files and talk only to the daemon: no inline script or style, no plugins,
 * no framing by other pages, forms post only here.
 */
public final class WebHeaders {
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private WebHeaders() {}

    public static void apply(Headers h) {
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }
}
