package dev.thrum.daemon;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The accessibility check of the page a browser test has open, as it is now: axe-core, SVG text contrast, optionally the Tab walk. */
final class PageCheck {
    private PageCheck() {}

    /** Fails listing every problem; prints what axe could not decide and the counts, so a run shows its figures. */
    static void assertAccessible(ChromeDriver browser, String state, boolean walkWithTab) {
        Axe.Result axe = Axe.check(browser);
        if (!axe.undecided().isEmpty()) System.out.println("axe could not decide, " + state + ": " + axe.undecided().stream()
                .collect(Collectors.groupingBy(Axe.Violation::rule, TreeMap::new, Collectors.counting())));
        List<String> problems = new ArrayList<>(axe.violations().stream().map(Axe.Violation::toString).toList());
        problems.addAll(SvgTextContrast.problems(browser));
        if (walkWithTab) problems.addAll(FocusWalk.problems(browser));
        System.out.println("accessibility, " + state + ": " + axe.violations().size() + " axe violations, "
                + (problems.size() - axe.violations().size()) + " SVG text contrast and keyboard problems");
        assertTrue(problems.isEmpty(), state + ": " + problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }
}
