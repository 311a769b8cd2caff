package dev.thrum.daemon;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/**
 * WCAG 1.4.10 (reflow), which axe does not check: the page fits the window's width, so nobody has
 * to scroll sideways to read a line, and nothing is cut off at the right edge (a fixed bar does not
 * make the page scroll, it is just cut). Names the outermost elements that stick out. Tables in a sideways-scrolling wrapper ({@code .table-wrap}) are allowed, as WCAG allows
 * for data tables.
 */
final class Reflow {
    private static final String CHECK = """
            const width = document.documentElement.clientWidth;
            const out = [];
            const visit = e => {
              if (e.closest('.table-wrap')) return;
              const r = e.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1) {
                out.push((e.id ? '#' + e.id : e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ')[0] : ''))
                    + ' reaches ' + Math.round(r.right) + ' px in a ' + width + ' px window');
                return;
              }
              for (const c of e.children) visit(c);
            };
            visit(document.body);
            if (!out.length && document.documentElement.scrollWidth > width)
              out.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' px in a ' + width + ' px window)');
            return out;""";

    private Reflow() {}

    @SuppressWarnings("unchecked")
    static List<String> problems(ChromeDriver browser) {
        return (List<String>) browser.executeScript(CHECK);
    }
}
