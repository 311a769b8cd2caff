package dev.thrum.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts transaction bundles to a FHIR server's base URL with the JDK's HTTP client (smaller than
 * HAPI's client and its Apache stack, and all a transaction needs) and classifies the answer.
 */
public final class FhirHttp {
    static final String FHIR_JSON = "application/fhir+json";
    private final URI base;
    private final ServerAuth auth;
    private final HttpClient http;
    private final Duration timeout;

    public FhirHttp(URI base, ServerAuth auth, Duration timeout) {
        this.base = base;
        this.auth = auth;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI base() { return base; }

    public ServerAnswer post(String bundleJson) {
        HttpRequest.Builder req = HttpRequest.newBuilder(base).timeout(timeout)
                .header("Content-Type", FHIR_JSON + "; charset=UTF-8")
                .header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(bundleJson, StandardCharsets.UTF_8));
        if (auth.header() != null) req.header("Authorization", auth.header());
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new ServerAnswer.Later("no answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            return new ServerAnswer.Later("cannot reach " + base + ": " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServerAnswer.Later("interrupted", null);
        }
        return classify(res.statusCode(), res.body(), res.headers().firstValue("Retry-After").orElse(null));
    }

    static ServerAnswer classify(int status, String body, String retryAfter) {
        if (status == 503 || status == 429 || status == 502 || status == 504)
            return new ServerAnswer.Later("HTTP " + status + " " + outcomeText(body), retryAfter(retryAfter));
        if (status == 401 || status == 403)
            return new ServerAnswer.Unauthorized(status, "HTTP " + status + ": the server refused Thrum's credentials "
                    + "(check \"auth\" in fhir.json) " + outcomeText(body));
        if (status / 100 != 2) return new ServerAnswer.Refused(status, "HTTP " + status + " " + outcomeText(body));
        Bundle reply;
        try {
            reply = FhirJson.read(Bundle.class, body);
        } catch (RuntimeException e) {
            return new ServerAnswer.Refused(status, "HTTP " + status + " but the answer is not a FHIR Bundle: " + e.getMessage());
        }
        List<String> statuses = new ArrayList<>();
        for (Bundle.BundleEntryComponent e : reply.getEntry()) {
            String s = e.getResponse().getStatus() == null ? "" : e.getResponse().getStatus();
            if (!s.startsWith("2")) return new ServerAnswer.Refused(status, "an entry was answered \"" + s + "\"");
            statuses.add(s);
        }
        return new ServerAnswer.Done(statuses);
    }

    /** The server's own words (OperationOutcome diagnostics), short, or the start of the body. */
    static String outcomeText(String body) {
        if (body == null || body.isBlank()) return "";
        try {
            OperationOutcome oo = FhirJson.read(OperationOutcome.class, body);
            List<String> parts = new ArrayList<>();
            for (OperationOutcome.OperationOutcomeIssueComponent i : oo.getIssue()) {
                if (parts.size() == 3) break;
                String d = i.hasDiagnostics() ? i.getDiagnostics() : i.getDetails().getText();
                if (d != null && !d.isBlank()) parts.add(d);
            }
            if (!parts.isEmpty()) return "(" + String.join("; ", parts) + ")";
        } catch (RuntimeException notFhir) {
            // fall through: a proxy's HTML page, say
        }
        String t = body.strip();
        return "(" + (t.length() > 200 ? t.substring(0, 200) + "..." : t) + ")";
    }

    private static Duration retryAfter(String v) {
        if (v == null) return null;
        try {
            return Duration.ofSeconds(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: use our own backoff
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }
}
