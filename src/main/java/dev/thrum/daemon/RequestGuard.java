package dev.thrum.daemon;

import com.sun.net.httpserver.Headers;
import dev.thrum.daemon.web.WebAccess;

import java.util.List;
import java.util.Locale;

/**
 * The checks every request passes before anything else: it must be addressed to this daemon by
 * name ({@code Host}), must not come from a web page of another origin ({@code Origin}), and must
 * carry the bearer token. Host and Origin stop DNS rebinding and pages in the user's browser from
 * driving the massager; the token stops other local users and programs. The web app's browser
 * comes in without the token: {@link WebAccess} admits it by its login cookie instead.
 */
final class RequestGuard {
    private final ApiToken token;
    private final WebAccess web;
    private final List<String> ownHosts;
    private final List<String> ownOrigins;

    RequestGuard(ApiToken token, int port, WebAccess web) {
        this.token = token;
        this.web = web;
        this.ownHosts = List.of("127.0.0.1:" + port, "localhost:" + port);
        this.ownOrigins = List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /**
     * @throws ApiException 400 for more than one Host or Origin, 403 for a foreign Host or Origin,
     *                      401 for a missing or wrong token or login
     */
    void check(String method, String path, Headers headers) {
        // two Host (or Origin) lines could be read differently by a proxy and by us; refuse them outright
        for (String name : List.of("Host", "Origin")) {
            List<String> values = headers.get(name);
            if (values != null && values.size() > 1)
                throw new ApiException(400, "request refused: it carries " + values.size() + " " + name + " headers",
                        "send exactly one " + name + " header");
        }
        String host = headers.getFirst("Host");
        if (host == null || !ownHosts.contains(host.trim().toLowerCase(Locale.ROOT)))
            throw new ApiException(403, "request refused: the Host header " + (host == null ? "is missing" : "'" + host + "' is not this daemon"),
                    "address the daemon as http://127.0.0.1:PORT or http://localhost:PORT");
        List<String> origins = headers.get("Origin");
        if (origins != null) {
            for (String origin : origins) {
                if (!ownOrigins.contains(origin.trim().toLowerCase(Locale.ROOT)))
                    throw new ApiException(403, "request refused: it comes from the web page origin '" + origin + "'",
                            "web pages may not drive the massager; use the thrum command or a local program");
            }
        }
        if (WebAccess.isPublic(method, path)) return; // the page's files and the login link hold no data
        String auth = headers.getFirst("Authorization");
        if (auth == null) {
            web.check(method, path, headers);
            return;
        }
        String prefix = "Bearer ";
        if (!auth.regionMatches(true, 0, prefix, 0, prefix.length()))
            throw new ApiException(401, "missing bearer token",
                    "send 'Authorization: Bearer TOKEN' with the token from the daemon's api-token file");
        if (!token.matches(auth.substring(prefix.length()).trim()))
            throw new ApiException(401, "wrong bearer token",
                    "read the token again from the api-token file; it changes if the file was readable by others");
    }
}
