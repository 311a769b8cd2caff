package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a handler returns: a JSON body with a status, a raw body (exports), or {@link #HANDLED}
 * when the handler wrote the response itself (the event stream).
 */
sealed interface ApiResponse {
    ApiResponse HANDLED = new Handled();

    record JsonBody(int status, JsonNode body) implements ApiResponse {}

    record Raw(int status, String contentType, byte[] body) implements ApiResponse {}

    record Handled() implements ApiResponse {}

    static ApiResponse ok(JsonNode body) { return new JsonBody(200, body); }

    static ApiResponse ok(Object body) { return new JsonBody(200, Json.MAPPER.valueToTree(body)); }
}
