package dev.thrum.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core, the accessibility engine, run inside the page a browser test has open. Its script comes
 * from the test class path (the axe-core WebJar, test scope) and goes in through WebDriver's
 * executeScript, which the page's Content-Security-Policy does not govern: the product never serves
 * it, and the CSP stays as strict as users get it.
 */
final class Axe {
    static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    /** The WCAG 2.0 and 2.1 level A and AA rules, and these best practices (landmarks, headings, table headers). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final List<String> BEST_PRACTICES = List.of("landmark-one-main", "page-has-heading-one", "region",
            "heading-order", "empty-heading", "empty-table-header", "landmark-unique", "landmark-no-duplicate-banner", "tabindex");

    private static String source;

    /** One broken rule at one element. */
    record Violation(String rule, String impact, String target, String help, String detail) {
        @Override public String toString() {
            return rule + " (" + impact + ") at " + target + ": " + help + (detail.isEmpty() ? "" : " [" + detail + "]");
        }
    }

    /** What axe found: the violations, and the checks it could not decide (shown, not failed). */
    record Result(List<Violation> violations, List<Violation> undecided) {}

    private Axe() {}

    static Result check(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object'")))
            browser.executeScript(source() + "\n;window.axe = axe;");
        String rules = "axe.getRules(" + json(TAGS) + ").map(r => r.ruleId).concat(" + json(BEST_PRACTICES) + ")";
        Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'rule', values: " + rules + "}, resultTypes: ['violations', 'incomplete']})"
                + ".then(r => done(JSON.stringify({violations: r.violations, incomplete: r.incomplete})))"
                + ".catch(e => done(JSON.stringify({error: String(e && e.stack || e)})));");
        try {
            JsonNode result = Json.MAPPER.readTree((String) answer);
            if (result.has("error")) throw new AssertionError("axe-core failed in the page: " + result.path("error").asText());
            return new Result(violations(result.path("violations")), violations(result.path("incomplete")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Violation> violations(JsonNode rules) {
        List<Violation> out = new ArrayList<>();
        for (JsonNode rule : rules)
            for (JsonNode node : rule.path("nodes")) {
                List<String> target = new ArrayList<>();
                node.path("target").forEach(t -> target.add(t.isTextual() ? t.asText() : t.toString()));
                String summary = node.path("failureSummary").asText("").replace("\n", " ").replaceAll("\\s+", " ").trim();
                out.add(new Violation(rule.path("id").asText(), rule.path("impact").asText(node.path("impact").asText("?")),
                        String.join(" ", target), rule.path("help").asText(), summary));
            }
        return out;
    }

    private static String json(List<String> values) {
        return "[" + String.join(",", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }

    private static synchronized String source() {
        if (source != null) return source;
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) throw new AssertionError(SCRIPT + " is not on the test class path: the axe-core WebJar is a test dependency in pom.xml");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return source;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
