package dev.thrum.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import dev.thrum.store.TextFiles;
import dev.thrum.json.JsonErrors;
import dev.thrum.json.StrictJson;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request as the handlers see it: path parameters, query, and the JSON body. */
final class ApiRequest {
    /** Request bodies are small JSON documents; anything bigger is refused before it is read. */
    static final int MAX_BODY = 256 * 1024;

    private final HttpExchange exchange;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;

    ApiRequest(HttpExchange exchange, Map<String, String> pathParams) {
        this.exchange = exchange;
        this.pathParams = pathParams;
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    HttpExchange exchange() { return exchange; }

    String path(String name) { return pathParams.get(name); }

    String query(String name) { return query.get(name); }

    /** The body as a JSON object; an empty body is an empty object. */
    ObjectNode body() {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage(), "send the body again");
        }
        if (bytes.length > MAX_BODY) throw new ApiException(413, "request body too large", "bodies are small JSON objects, at most 256 KiB");
        if (bytes.length == 0) return Json.MAPPER.createObjectNode();
        return objectOf(utf8(bytes));
    }

    /** The body as text, for endpoints that validate it like a file. */
    String bodyText() {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) throw new ApiException(413, "request body too large", "at most 256 KiB");
            return utf8(bytes);
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body: " + e.getMessage(), "send the body again");
        }
    }

    static ObjectNode objectOf(String text) {
        JsonNode node;
        try {
            node = StrictJson.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("request body: " + JsonErrors.describe(e), "send one JSON object");
        }
        if (node == null || node.isMissingNode()) return Json.MAPPER.createObjectNode();
        if (!(node instanceof ObjectNode o)) throw ApiException.badRequest("request body must be a JSON object", "send {...}");
        return o;
    }

    private static String utf8(byte[] bytes) {
        try {
            return TextFiles.decode(bytes);
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("request body: " + e.getMessage().replace("save the file as UTF-8", "send UTF-8"),
                    "send the body as UTF-8 JSON");
        }
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("malformed query parameter '" + part + "': a '%' must be followed by two hex digits",
                        "percent-encode the query, for example %20 for a space");
            }
        }
        return out;
    }
}
