// Thrum's charts, plain JavaScript drawing SVG: minutes per region per week (stacked), a calendar of
// active days, sessions per week against a weekly target, pressure adherence per region and too
// soft / too hard per week. Used by the history page and inlined into 'thrum report --html'. Every
// axis is labelled, every week has its label, counts are whole numbers, regions go by their names.
const SVG = 'http://www.w3.org/2000/svg';
// Okabe-Ito: distinguishable with the common colour-vision deficiencies
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

// "2026-11-02" -> "2 Nov"
export function dayLabel(iso) {
  const [, m, d] = iso.split('-').map(Number);
  return d + ' ' + MONTHS[m - 1];
}

// whole-number ticks from 0 to at least max: 0, step, 2 step...
export function ticks(max, most = 6) {
  const top = Math.max(1, Math.ceil(max));
  const raw = top / most;
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].find(s => s >= raw) || Math.ceil(raw);
  const out = [];
  for (let v = 0; v < top + step; v += step) out.push(v);
  return out;
}

function frame(title, W, H) {
  const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': title, class: 'chart' });
  svg.append(el('text', { x: 0, y: 18, class: 'chart-title' }, title));
  return svg;
}

// a y axis of whole numbers with grid lines and its name; returns the scale
function yAxis(svg, max, box, name) {
  const values = ticks(max);
  const top = values[values.length - 1];
  const y = v => box.bottom - (box.bottom - box.top) * v / top;
  for (const v of values) {
    svg.append(el('line', { x1: box.left, x2: box.right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    svg.append(el('text', { x: box.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-text' }, String(v)));
  }
  svg.append(el('text', { x: 14, y: (box.top + box.bottom) / 2, transform: 'rotate(-90 14 ' + (box.top + box.bottom) / 2 + ')',
    'text-anchor': 'middle', class: 'chart-text' }, name));
  svg.append(el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, class: 'chart-axis' }));
  svg.append(el('line', { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, class: 'chart-axis' }));
  return y;
}

// week labels under the bars: every week, turned when they would overlap
function weekLabels(svg, weeks, x, width, bottom) {
  const turn = width < 44;
  weeks.forEach((w, i) => {
    const cx = x(i) + width / 2;
    svg.append(el('text', turn ? { x: cx, y: bottom + 12, transform: 'rotate(45 ' + cx + ' ' + (bottom + 12) + ')', class: 'chart-text' }
      : { x: cx, y: bottom + 18, 'text-anchor': 'middle', class: 'chart-text' }, dayLabel(w)));
  });
}

// weeks: [{week, minutes: {regionName: minutes}}]; the 8 regions with most minutes, the rest as "other"
export function regionWeeksChart(weeks, title = 'Minutes per region per week') {
  const totals = {};
  for (const w of weeks) for (const [r, m] of Object.entries(w.minutes)) totals[r] = (totals[r] || 0) + m;
  const named = Object.keys(totals).sort((a, b) => totals[b] - totals[a]);
  const series = named.length > 9 ? named.slice(0, 8).concat(['other regions']) : named;
  const of = r => series.includes(r) ? r : 'other regions';
  const W = 1000, legendRows = Math.ceil(series.length / 3), H = 330 + legendRows * 22;
  const box = { left: 60, right: W - 10, top: 34, bottom: 250 };
  const svg = frame(title, W, H);
  const stacks = weeks.map(w => { const s = {}; for (const [r, m] of Object.entries(w.minutes)) s[of(r)] = (s[of(r)] || 0) + m; return s; });
  const max = Math.max(1, ...stacks.map(s => Object.values(s).reduce((a, b) => a + b, 0)));
  const y = yAxis(svg, max, box, 'minutes');
  const slot = (box.right - box.left) / Math.max(1, weeks.length);
  const width = Math.max(4, slot * 0.7);
  const x = i => box.left + slot * i + (slot - width) / 2;
  stacks.forEach((s, i) => {
    let base = 0;
    series.forEach((r, k) => {
      const m = s[r] || 0;
      if (m <= 0) return;
      const bar = el('rect', { x: x(i), y: y(base + m), width, height: Math.max(0, y(base) - y(base + m)), fill: COLOURS[k % COLOURS.length] });
      bar.append(el('title', {}, dayLabel(weeks[i].week) + ': ' + r + ', ' + Math.round(m) + ' min'));
      svg.append(bar);
      base += m;
    });
  });
  weekLabels(svg, weeks.map(w => w.week), x, width, box.bottom);
  svg.append(el('text', { x: (box.left + box.right) / 2, y: box.bottom + 62, 'text-anchor': 'middle', class: 'chart-text' }, 'week starting'));
  series.forEach((r, k) => {
    const lx = box.left + (k % 3) * 310, ly = box.bottom + 84 + Math.floor(k / 3) * 22;
    svg.append(el('rect', { x: lx, y: ly - 11, width: 14, height: 14, fill: COLOURS[k % COLOURS.length] }));
    svg.append(el('text', { x: lx + 20, y: ly + 1, class: 'chart-text' }, r));
  });
  return svg;
}

// weeks: [{week, sessions}]; target: sessions a week or null
export function sessionsPerWeekChart(weeks, target, title = 'Sessions per week') {
  const W = 1000, H = 310;
  const box = { left: 60, right: W - 10, top: 34, bottom: 240 };
  const svg = frame(title + (target ? ' against the target of ' + target : ''), W, H);
  const max = Math.max(1, target || 0, ...weeks.map(w => w.sessions));
  const y = yAxis(svg, max, box, 'sessions');
  const slot = (box.right - box.left) / Math.max(1, weeks.length);
  const width = Math.max(4, slot * 0.7);
  const x = i => box.left + slot * i + (slot - width) / 2;
  weeks.forEach((w, i) => {
    const bar = el('rect', { x: x(i), y: y(w.sessions), width, height: box.bottom - y(w.sessions),
      class: target && w.sessions >= target ? 'chart-bar on-target' : 'chart-bar' });
    bar.append(el('title', {}, dayLabel(w.week) + ': ' + w.sessions + (w.sessions === 1 ? ' session' : ' sessions')));
    svg.append(bar);
  });
  if (target) {
    svg.append(el('line', { x1: box.left, x2: box.right, y1: y(target), y2: y(target), class: 'chart-target-line' }));
    svg.append(el('text', { x: box.right, y: y(target) - 5, 'text-anchor': 'end', class: 'chart-text' }, 'target ' + target + ' a week'));
  }
  weekLabels(svg, weeks.map(w => w.week), x, width, box.bottom);
  svg.append(el('text', { x: (box.left + box.right) / 2, y: H - 4, 'text-anchor': 'middle', class: 'chart-text' }, 'week starting'));
  return svg;
}

// days: [{day, sessions, minutes}]; a column per week (Monday first), a row per weekday
export function calendarChart(days, title = 'Active days') {
  if (!days.length) return frame(title + ': none', 1000, 40);
  const byDay = new Map(days.map(d => [d.day, d]));
  const first = new Date(days[0].day + 'T00:00:00Z'), last = new Date(days[days.length - 1].day + 'T00:00:00Z');
  first.setUTCDate(first.getUTCDate() - (first.getUTCDay() + 6) % 7);
  const weeks = Math.floor((last - first) / (7 * 86400000)) + 1;
  const cell = Math.min(32, Math.floor(900 / Math.max(1, weeks))), left = 50, top = 50;
  // the same 1000-unit width as the other charts, so its text is the same size beside them
  const W = 1000, H = top + 7 * cell + 40;
  const svg = frame(title, W, H);
  ['Mon', 'Wed', 'Fri', 'Sun'].forEach((name, k) => svg.append(el('text', { x: left - 6, y: top + (k * 2) * cell + cell * 0.7, 'text-anchor': 'end', class: 'chart-text' }, name)));
  const most = Math.max(...days.map(d => d.minutes));
  let month = -1;
  for (let d = new Date(first), i = 0; d <= last; d.setUTCDate(d.getUTCDate() + 1), i++) {
    const iso = d.toISOString().slice(0, 10), col = Math.floor(i / 7), row = i % 7;
    if (d.getUTCMonth() !== month && row === 0) {
      month = d.getUTCMonth();
      svg.append(el('text', { x: left + col * cell, y: top - 8, class: 'chart-text' }, MONTHS[month] + ' ' + d.getUTCFullYear()));
    }
    const active = byDay.get(iso);
    const level = active ? 1 + Math.min(3, Math.floor(4 * active.minutes / (most + 1e-9))) : 0;
    const box = el('rect', { x: left + col * cell, y: top + row * cell, width: cell - 2, height: cell - 2, class: 'cal cal-' + level });
    box.append(el('title', {}, iso + (active ? ': ' + active.sessions + (active.sessions === 1 ? ' session, ' : ' sessions, ') + Math.round(active.minutes) + ' min' : ': no session')));
    svg.append(box);
  }
  svg.append(el('text', { x: left, y: H - 8, class: 'chart-text' }, 'darker: more minutes that day; ' + days.length + ' active days'));
  return svg;
}

// The pressure charts: shares of the time with a force reading, as 'thrum log pressure' counts them.
const SOFT = '#56B4E9', IN_BAND = '#009E73', HARD = '#D55E00';

// part / whole * 100 in this order, rounded half up: the same figure 'thrum log pressure' prints
export function share(part, whole) { return whole > 0 ? Math.round(part / whole * 100) + '%' : '–'; }

// a y axis from 0 to 100 % with grid lines and its name; returns the scale
function percentAxis(svg, box, name) {
  const y = v => box.bottom - (box.bottom - box.top) * v / 100;
  for (const v of [0, 25, 50, 75, 100]) {
    svg.append(el('line', { x1: box.left, x2: box.right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    svg.append(el('text', { x: box.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-text' }, v + '%'));
  }
  svg.append(el('text', { x: 14, y: (box.top + box.bottom) / 2, transform: 'rotate(-90 14 ' + (box.top + box.bottom) / 2 + ')',
    'text-anchor': 'middle', class: 'chart-text' }, name));
  svg.append(el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, class: 'chart-axis' }));
  svg.append(el('line', { x1: box.left, x2: box.right, y1: box.bottom, y2: box.bottom, class: 'chart-axis' }));
  return y;
}

function legend(svg, items, x, y) {
  items.forEach(([colour, label], k) => {
    svg.append(el('rect', { x: x + k * 230, y: y - 11, width: 14, height: 14, fill: colour }));
    svg.append(el('text', { x: x + k * 230 + 20, y: y + 1, class: 'chart-text' }, label));
  });
}

// regions: [{region, below, in, above, measured, episodes}] in seconds; one bar per region, split
// into too soft / in the band / too hard, with the in-band share written beside it
export function pressureRegionsChart(regions, title = 'Pressure adherence per region: share of the time in the band') {
  const rows = [...regions].sort((a, b) => a.region.localeCompare(b.region));
  const row = 30, W = 1000, H = 120 + Math.max(1, rows.length) * row;
  const box = { left: 340, right: W - 250, top: 40, bottom: 40 + Math.max(1, rows.length) * row };
  const svg = frame(title, W, H);
  const x = v => box.left + (box.right - box.left) * v / 100;
  for (const v of [0, 25, 50, 75, 100]) {
    svg.append(el('line', { x1: x(v), x2: x(v), y1: box.top, y2: box.bottom, class: 'chart-grid' }));
    svg.append(el('text', { x: x(v), y: box.bottom + 18, 'text-anchor': 'middle', class: 'chart-text' }, v + '%'));
  }
  svg.append(el('text', { x: (box.left + box.right) / 2, y: box.bottom + 38, 'text-anchor': 'middle', class: 'chart-text' },
    'share of the time with a force reading'));
  rows.forEach((r, i) => {
    const top = box.top + i * row + 5, height = row - 10;
    const g = el('g', { class: 'pressure-row' });
    svg.append(g);
    g.append(el('text', { x: box.left - 8, y: top + height / 2 + 4, 'text-anchor': 'end', class: 'chart-text' }, r.region));
    let from = 0;
    for (const [part, colour, words] of [[r.below, SOFT, 'too soft'], [r.in, IN_BAND, 'in the band'], [r.above, HARD, 'too hard']]) {
      if (!(r.measured > 0) || part <= 0) continue;
      const width = 100 * part / r.measured;
      const bar = el('rect', { x: x(from), y: top, width: Math.max(0, x(from + width) - x(from)), height, fill: colour });
      bar.append(el('title', {}, r.region + ': ' + Math.round(part) + ' s ' + words + ' (' + share(part, r.measured) + ')'));
      g.append(bar);
      from += width;
    }
    g.append(el('text', { x: box.right + 8, y: top + height / 2 + 4, class: 'chart-text' },
      r.measured > 0 ? share(r.in, r.measured) + ' in band' + (r.episodes ? '; too much ' + r.episodes + (r.episodes === 1 ? ' time' : ' times') : '') : 'no reading'));
  });
  svg.append(el('line', { x1: box.left, x2: box.left, y1: box.top, y2: box.bottom, class: 'chart-axis' }));
  legend(svg, [[SOFT, 'too soft (below the band)'], [IN_BAND, 'in the band'], [HARD, 'too hard (above the band)']], 60, H - 14);
  return svg;
}

// weeks: [{week, below, in, above, measured}] in seconds, every week of the other charts; two bars a
// week: the share pressed too softly and the share pressed too hard
export function pressureWeeksChart(weeks, title = 'Pressing too softly or too hard, per week') {
  const W = 1000, H = 330;
  const box = { left: 60, right: W - 10, top: 34, bottom: 240 };
  const svg = frame(title, W, H);
  const y = percentAxis(svg, box, '% of the measured time');
  const slot = (box.right - box.left) / Math.max(1, weeks.length);
  const width = Math.max(4, slot * 0.8);
  const x = i => box.left + slot * i + (slot - width) / 2;
  weeks.forEach((w, i) => {
    const g = el('g', { class: 'pressure-week' });
    svg.append(g);
    const label = dayLabel(w.week) + ': ';
    if (!(w.measured > 0)) {
      g.append(el('title', {}, label + 'no force reading'));
      g.append(el('rect', { x: x(i), y: box.bottom - 2, width, height: 2, class: 'chart-grid' }));
      if (slot >= 60) g.append(el('text', { x: x(i) + width / 2, y: box.bottom - 8, 'text-anchor': 'middle', class: 'chart-text' }, 'no reading'));
      return;
    }
    // one title for the week's pair of bars: a pointer over either shows the whole week
    g.append(el('title', {}, label + share(w.below, w.measured) + ' too soft, ' + share(w.above, w.measured) + ' too hard, '
      + share(w.in, w.measured) + ' in the band, of ' + Math.round(w.measured) + ' s measured'));
    [[w.below, SOFT], [w.above, HARD]].forEach(([part, colour], k) => {
      const v = 100 * part / w.measured;
      g.append(el('rect', { x: x(i) + k * width / 2, y: y(v), width: width / 2, height: Math.max(0, box.bottom - y(v)), fill: colour }));
    });
  });
  weekLabels(svg, weeks.map(w => w.week), x, width, box.bottom);
  svg.append(el('text', { x: (box.left + box.right) / 2, y: box.bottom + 62, 'text-anchor': 'middle', class: 'chart-text' }, 'week starting'));
  legend(svg, [[SOFT, 'too soft (below the band)'], [HARD, 'too hard (above the band)']], box.left, H - 6);
  return svg;
}
