package dev.thrum.daemon.web;

import com.sun.net.httpserver.Headers;
import dev.thrum.daemon.ApiException;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a browser gets in: the daemon's request guard asks this for every request without a bearer
 * token. The page's own files and the login link are open (they hold no data); everything else
 * needs the session cookie, and a change of state needs our own {@code Origin} as well. The Host
 * and foreign-Origin checks have run before, for every request.
 *
 * <p>Why both cookie and Origin: the cookie is {@code SameSite=Strict}, but browsers count other
 * ports of 127.0.0.1 as the same site, so a page served by some other local program would still
 * send it. Its Origin names its own port, though, and that is refused.
 */
public final class WebAccess {
    /** Only the bearer token may ask for a login link: a browser session cannot mint itself more. */
    public static final String LOGIN_LINKS = "/login-links";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final WebSessions sessions;
    private final String cookieName;
    private final List<String> ownOrigins;

    public WebAccess(WebSessions sessions, int port) {
        this.sessions = sessions;
        this.cookieName = "thrum-" + port; // two daemons on one machine (tests) keep apart
        this.ownOrigins = List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    public String cookieName() { return cookieName; }

    public WebSessions sessions() { return sessions; }

    /** The page's files and the login link: served to anyone who passed the Host check. */
    public static boolean isPublic(String method, String path) {
        if (!SAFE_METHODS.contains(method)) return false;
        return path.equals("/") || path.equals("/editor") || path.equals("/history") || path.equals("/login") || path.startsWith("/app/") && !path.contains("..");
    }

    /**
     * Admits a request by its session cookie.
     *
     * @throws ApiException 401 without a valid session cookie, 403 for a change without our Origin,
     *                      a request another site started, or an endpoint only the token may use
     */
    public void check(String method, String path, Headers headers) {
        if (!sessions.valid(CookieHeader.value(headers, cookieName)))
            throw new ApiException(401, "missing bearer token or login",
                    "programs send 'Authorization: Bearer TOKEN' (the daemon's api-token file); in a browser run 'thrum open' to log in");
        if (path.equals(LOGIN_LINKS))
            throw new ApiException(403, "a browser session cannot ask for login links", "run 'thrum open' in a terminal");
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none"))
            throw new ApiException(403, "request refused: another site (" + site + ") started it",
                    "use the Thrum page itself, opened with 'thrum open'");
        if (!SAFE_METHODS.contains(method)) {
            String origin = headers.getFirst("Origin");
            if (origin == null || !ownOrigins.contains(origin.trim().toLowerCase(Locale.ROOT)))
                throw new ApiException(403, "request refused: a change through the browser session must carry this page's Origin",
                        "use the Thrum page itself; scripts use the bearer token instead of the cookie");
        }
    }
}
