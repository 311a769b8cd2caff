package dev.thrum.daemon;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.thrum.daemon.web.CookieHeader;
import dev.thrum.daemon.web.LoginLinks;
import dev.thrum.daemon.web.WebAccess;
import dev.thrum.daemon.web.WebAssets;
import dev.thrum.daemon.web.WebHeaders;
import dev.thrum.program.PlannedStep;
import dev.thrum.program.SessionPlan;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The web app's endpoints: the page and its files, the one-time login and logout, and the two plan
 * views the page needs (a preview before starting, the running session's steps for the body map).
 * Everything else the page does goes through the same JSON endpoints as any other client.
 */
final class WebRoutes {
    private final WebAccess access;
    private final LoginLinks links;
    private final WebAssets assets;
    private final SessionHost host;
    private final SessionRequestPlanner planner;
    private final int port;

    WebRoutes(WebAccess access, LoginLinks links, WebAssets assets, SessionHost host, SessionRequestPlanner planner, int port) {
        this.access = access;
        this.links = links;
        this.assets = assets;
        this.host = host;
        this.planner = planner;
        this.port = port;
    }

    void register(Router r) {
        r.add("GET", "/", q -> page(q.exchange(), 200, "index.html", Map.of()));
        r.add("GET", "/editor", q -> page(q.exchange(), 200, "editor.html", Map.of()));
        r.add("GET", "/history", q -> page(q.exchange(), 200, "history.html", Map.of()));
        r.add("GET", "/app/{file}", q -> page(q.exchange(), 200, q.path("file"), Map.of()));
        r.add("GET", "/login", this::login);
        r.add("POST", WebAccess.LOGIN_LINKS, q -> loginLink());
        r.add("POST", "/logout", this::logout);
        r.add("GET", "/plan", this::preview);
        r.add("GET", "/session/plan", q -> ApiResponse.ok(Json.MAPPER.createObjectNode()
                .set("plan", host.plan().map(WebRoutes::planJson).orElse(null))));
    }

    private ApiResponse loginLink() {
        String code = links.issue();
        return new ApiResponse.JsonBody(201, Json.MAPPER.createObjectNode()
                .put("url", "http://127.0.0.1:" + port + "/login?code=" + code)
                .put("expiresInSeconds", links.ttl().toMillis() / 1000.0));
    }

    // The code leaves the address bar at once: the answer redirects to the clean page address.
    private ApiResponse login(ApiRequest q) throws IOException {
        if (!links.redeem(q.query("code")))
            return page(q.exchange(), 403, "login-failed.html", Map.of());
        String id = access.sessions().open();
        return page(q.exchange(), 303, null, Map.of("Location", "/", "Set-Cookie", CookieHeader.session(access.cookieName(), id)));
    }

    private ApiResponse logout(ApiRequest q) throws IOException {
        access.sessions().close(CookieHeader.value(q.exchange().getRequestHeaders(), access.cookieName()));
        q.exchange().getResponseHeaders().set("Set-Cookie", CookieHeader.expired(access.cookieName()));
        return ApiResponse.ok(Json.MAPPER.createObjectNode().put("loggedOut", true));
    }

    private ApiResponse preview(ApiRequest q) {
        String program = q.query("program");
        if (program == null || program.isBlank())
            throw ApiException.badRequest("missing 'program' in GET /plan", "for example GET /plan?program=sciatica-relief&client=ann-smith");
        String client = q.query("client");
        return ApiResponse.ok(planJson(planner.preview(program, client == null || client.isBlank() ? null : client)));
    }

    static ObjectNode planJson(SessionPlan plan) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("programId", plan.programId())
                .put("programName", plan.programName())
                .put("clientName", plan.clientName())
                .put("sessionCeiling", plan.sessionCeiling().toMillis() / 1000.0)
                .put("plannedDuration", plan.plannedDuration().toMillis() / 1000.0);
        ArrayNode steps = out.putArray("steps");
        for (PlannedStep s : plan.steps()) {
            steps.addObject().put("index", s.index()).put("regionId", s.regionId()).put("regionName", s.regionName())
                    .put("side", s.side().name()).put("rest", s.rest()).put("duration", s.duration().toMillis() / 1000.0)
                    .put("target", s.target()).put("cap", s.cap()).put("cue", s.cue());
        }
        ArrayNode notes = out.putArray("notes");
        plan.notes().forEach(notes::add);
        ArrayNode confirmations = out.putArray("confirmations");
        plan.confirmations().forEach(confirmations::add);
        return out;
    }

    /** A page or page file with the web headers; {@code name} null for a body-less redirect. */
    private ApiResponse page(HttpExchange exchange, int status, String name, Map<String, String> extra) throws IOException {
        WebAssets.Asset asset = null;
        if (name != null) {
            asset = assets.find(name).orElseThrow(() -> ApiException.notFound("no page file " + name, "open the page at / instead"));
            exchange.getResponseHeaders().set("Content-Type", asset.contentType());
        }
        WebHeaders.apply(exchange.getResponseHeaders());
        extra.forEach(exchange.getResponseHeaders()::set);
        byte[] body = asset == null ? new byte[0] : asset.bytes();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return ApiResponse.HANDLED;
    }
}
