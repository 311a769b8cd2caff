package dev.thrum.daemon;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accessibility check of the page a browser test has open, as it is now: axe-core, SVG text contrast, reflow, optionally the Tab walk. */
final class PageCheck {
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots", "accessibility");

    private PageCheck() {}

    /** What was checked, for a person to look at: target/web-screenshots/accessibility/STATE.png. */
    static void keepScreenshot(ChromeDriver browser, String state) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        String name = state.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fails listing every problem; prints what axe could not decide and the counts, so a run shows its figures. */
    static void assertAccessible(ChromeDriver browser, String state, boolean walkWithTab) throws IOException {
        keepScreenshot(browser, state);
        Axe.Result axe = Axe.check(browser);
        if (!axe.undecided().isEmpty()) System.out.println("axe could not decide, " + state + ": " + axe.undecided().stream()
                .collect(Collectors.groupingBy(Axe.Violation::rule, TreeMap::new, Collectors.counting())));
        List<String> problems = new ArrayList<>(axe.violations().stream().map(Axe.Violation::toString).toList());
        problems.addAll(SvgTextContrast.problems(browser));
        problems.addAll(Reflow.problems(browser));
        if (walkWithTab) problems.addAll(FocusWalk.problems(browser));
        System.out.println("accessibility, " + state + ": " + axe.violations().size() + " axe violations, "
                + (problems.size() - axe.violations().size()) + " contrast, reflow and keyboard problems");
        assertTrue(problems.isEmpty(), state + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }
}
