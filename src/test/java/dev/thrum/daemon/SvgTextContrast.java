package dev.thrum.daemon;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.List;

/**
 * The contrast of text inside SVG (chart labels, the body map's FRONT/BACK and L/R), which axe-core
 * leaves undecided: the text's fill against the background of the page element the SVG sits on,
 * by the WCAG formula, 4.5:1 (3:1 for large text: 24 px, or 18.66 px bold, as rendered). Text drawn
 * on top of another shape is measured against the page as well: a known limit, see docs/web.md.
 */
final class SvgTextContrast {
    private static final String CHECK = """
            const rgb = c => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : null; };
            const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
            const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
            const backdrop = e => {
              for (let n = e.closest('svg').parentElement; n; n = n.parentElement) {
                const c = rgb(getComputedStyle(n).backgroundColor);
                if (c && (c.length < 4 || c[3] > 0)) return c.slice(0, 3);
              }
              return [255, 255, 255];
            };
            const out = [];
            for (const t of document.querySelectorAll('svg text')) {
              const box = t.getBoundingClientRect(), s = getComputedStyle(t);
              if (!t.textContent.trim() || box.width === 0 || s.visibility === 'hidden' || s.display === 'none') continue;
              const fill = rgb(s.fill);
              if (!fill) continue;
              const size = parseFloat(s.fontSize) * (t.getScreenCTM() ? t.getScreenCTM().a : 1);
              const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
              const need = large ? 3 : 4.5, got = ratio(fill.slice(0, 3), backdrop(t));
              if (got < need) out.push('"' + t.textContent.trim().slice(0, 40) + '" in ' + (t.closest('[id]') ? '#' + t.closest('[id]').id : 'svg')
                  + ': contrast ' + got.toFixed(2) + ':1, needs ' + need + ':1 (fill ' + s.fill + ', ' + size.toFixed(1) + ' px as shown)');
            }
            return out;""";

    private SvgTextContrast() {}

    @SuppressWarnings("unchecked")
    static List<String> problems(ChromeDriver browser) {
        return (List<String>) browser.executeScript(CHECK);
    }
}
