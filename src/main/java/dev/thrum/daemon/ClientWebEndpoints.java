package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.thrum.store.ClientStore;
import dev.thrum.store.ThrumDirs;
import dev.thrum.program.Condition;
import dev.thrum.program.ConditionRule;

/**
 * What the clients page needs besides {@code GET/POST/PUT /clients}: the conditions a therapist can
 * record, with the warning each asks to confirm and what it tightens, and removing a client
 * ({@code DELETE /clients/{id}}, as {@code thrum clients remove}).
 */
final class ClientWebEndpoints {
    private final ThrumDirs dirs;

    ClientWebEndpoints(ThrumDirs dirs) { this.dirs = dirs; }

    void register(Router r) {
        r.add("GET", "/conditions", q -> ApiResponse.ok(conditions()));
        r.add("DELETE", "/clients/{id}", q -> remove(q.path("id")));
    }

    private static ObjectNode conditions() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("conditions");
        for (Condition c : Condition.values()) {
            ConditionRule rule = c.rule();
            ObjectNode o = list.addObject().put("key", c.key()).put("warning", rule.reason()).put("allCap", rule.allCap());
            ObjectNode caps = o.putObject("regionCaps");
            rule.regionCaps().forEach(caps::put);
            rule.avoid().stream().sorted().forEach(o.putArray("avoid")::add);
            if (rule.maxSession() == null) o.putNull("maxSessionMinutes");
            else o.put("maxSessionMinutes", rule.maxSession().toSeconds() / 60.0);
        }
        return out;
    }

    private ApiResponse remove(String id) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*"))
            throw ApiException.badRequest("'" + id + "' is not a client id", "ids are lower-case words joined by '-', for example ann-smith");
        if (!new ClientStore(dirs.clients()).remove(id))
            throw ApiException.notFound("no client '" + id + "'", "list clients with GET /clients");
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("id", id).put("removed", true));
    }
}
