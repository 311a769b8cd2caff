package dev.thrum.daemon;

import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What axe cannot see, checked with real key presses: Tab from the top of the page reaches every
 * control a mouse user can use, in the order they stand in the page (no tabindex reshuffle) and in
 * reading order on the screen (left to right, top to bottom; no CSS reordering); each
 * focused control shows a focus indicator it does not have unfocused; and none hides behind the
 * page's fixed control bar when it gets the focus.
 */
final class FocusWalk {
    private static final int MOST_PRESSES = 400;

    // controls the page offers now: shown, enabled, tabbable; one description per control
    private static final String FOCUSABLE = """
            // checkVisibility: not display:none, not inside a closed <details> (content-visibility), not visibility:hidden
            const shown = e => e.checkVisibility({visibilityProperty: true}) && !e.closest('[inert]');
            // Tab stops once in a group of radio buttons: at the checked one, else at the first
            const radioStop = e => { if (e.type !== 'radio' || !e.name) return true;
              const group = [...(e.form || document).querySelectorAll('input[type=radio]')].filter(r => r.name === e.name && !r.disabled);
              const checked = group.find(r => r.checked);
              return checked ? e === checked : e === group[0]; };
            return [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
              .filter(e => e.tabIndex >= 0 && !e.disabled && shown(e) && !(e.type === 'hidden') && radioStop(e))
              .map(e => window.__describe(e));""";
    private static final String DESCRIBE = """
            window.__describe = e => {
              if (!e || e === document.body) return null;
              const path = [];
              for (let n = e; n && n.nodeType === 1 && n !== document.body; n = n.parentElement) {
                if (n.id) { path.unshift('#' + n.id); break; }
                path.unshift(n.tagName.toLowerCase() + ':nth-child(' + ([...n.parentElement.children].indexOf(n) + 1) + ')');
              }
              return path.join(' > ');
            };
            // a control drawn by its label (the input itself transparent or 1 px): the label is what shows the focus
            window.__face = e => e.labels && e.labels.length && (getComputedStyle(e).opacity === '0' || e.offsetWidth <= 1) ? e.labels[0] : e;
            window.__ring = e => { e = window.__face(e); const s = getComputedStyle(e);
              return [s.outlineStyle === 'none' ? 'none' : s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
                      s.boxShadow, s.borderColor, s.backgroundColor].join(' | '); };""";
    private static final String FOCUSED = """
            const e = document.activeElement;
            if (!e || e === document.body || e.id === 'focus-walk-start') return null;
            const face = window.__face(e), r = face.getBoundingClientRect();
            const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
            const hit = document.elementFromPoint(x, y);
            const onTop = !hit || hit === face || face.contains(hit) || hit.contains(face) || (hit.closest('label') && hit.closest('label').contains(e));
            return {id: window.__describe(e), ring: window.__ring(e), box: [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY], obscuredBy: onTop ? null : window.__describe(hit) || hit.tagName};""";

    private FocusWalk() {}

    /**
     * From control a to control b (boxes left, top, right, bottom in page coordinates) against the
     * reading order: b on the same line but to the left of a, or b on an earlier line and not to the
     * right of a (the top of a column to the right is fine: that is where a second column starts).
     */
    static boolean goesBack(List<Number> a, List<Number> b) {
        double aLeft = a.get(0).doubleValue(), aTop = a.get(1).doubleValue(), aBottom = a.get(3).doubleValue();
        double bLeft = b.get(0).doubleValue(), bTop = b.get(1).doubleValue(), bRight = b.get(2).doubleValue(), bBottom = b.get(3).doubleValue();
        boolean sameLine = Math.min(aBottom, bBottom) - Math.max(aTop, bTop) > 0;
        if (sameLine) return bRight <= aLeft + 1;
        return bBottom <= aTop && bLeft <= aLeft;
    }

    /** The problems found; empty when the keyboard gets everywhere, visibly and in order. */
    @SuppressWarnings("unchecked")
    static List<String> problems(ChromeDriver browser) {
        browser.executeScript(DESCRIBE);
        // Tab starts where the focus was: a focused, untabbable mark before everything moves that point to the top
        browser.executeScript("if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0);"
                + "const mark = document.createElement('span'); mark.id = 'focus-walk-start'; mark.tabIndex = -1;"
                + "document.body.prepend(mark); mark.focus();");
        List<String> expected = (List<String>) browser.executeScript(FOCUSABLE);
        Map<String, String> unfocused = new java.util.HashMap<>();
        for (String id : expected)
            unfocused.put(id, (String) browser.executeScript("return window.__ring(document.querySelector(arguments[0]))", id));
        List<String> reached = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Number> previousBox = null;
        for (int press = 0; press < MOST_PRESSES; press++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            Map<String, Object> at = (Map<String, Object>) browser.executeScript(FOCUSED);
            if (at == null) {
                if (!reached.isEmpty()) break; // past the last control: the focus left the page
                continue;
            }
            String id = (String) at.get("id");
            if (!reached.isEmpty() && id.equals(reached.get(0))) break; // wrapped around to the first
            if (!reached.isEmpty() && id.equals(reached.get(reached.size() - 1))) continue; // a date field's day, month, year
            reached.add(id);
            String ring = (String) at.get("ring");
            if (ring.equals(unfocused.get(id)))
                problems.add("no visible focus indicator at " + id + " (focused looks like unfocused: " + ring + ")");
            List<Number> box = (List<Number>) at.get("box");
            if (previousBox != null && goesBack(previousBox, box))
                problems.add("Tab goes back against the reading order from " + reached.get(reached.size() - 2) + " to " + id);
            previousBox = box;
            if (at.get("obscuredBy") != null)
                problems.add(id + " is hidden behind " + at.get("obscuredBy") + " when it has the focus");
        }
        browser.executeScript("const mark = document.getElementById('focus-walk-start'); if (mark) mark.remove();");
        if (!reached.equals(expected))
            problems.add("Tab order differs from the page's order of controls:\n  page: " + expected + "\n  Tab:  " + reached);
        return problems;
    }
}
