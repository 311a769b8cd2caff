package dev.thrum.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Maps a method and a path such as {@code /programs/{id}} to a handler. */
final class Router {

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    record Match(Handler handler, Map<String, String> params) {}

    private record Route(String method, String[] parts, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String pattern, Handler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    /** @throws ApiException 404 for an unknown path, 405 for a known path with another method */
    Match find(String method, String path) {
        String[] parts = split(path);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Optional<Map<String, String>> params = match(r.parts, parts);
            if (params.isEmpty()) continue;
            if (r.method.equals(method)) return new Match(r.handler, params.get());
            allowed.add(r.method);
        }
        if (!allowed.isEmpty())
            throw new ApiException(405, method + " is not allowed on " + path, "use " + String.join(" or ", allowed));
        throw ApiException.notFound("no endpoint " + path, "see docs/api.md for the endpoints");
    }

    private static Optional<Map<String, String>> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) return Optional.empty();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) params.put(p.substring(1, p.length() - 1), path[i]);
            else if (!p.equals(path[i])) return Optional.empty();
        }
        return Optional.of(params);
    }

    private static String[] split(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }
}
