// The plan as a chart of intensity against time: the target with its ramp, the effective cap
// dashed, rests shaded. Plain SVG built in the page, so it needs no library and no inline style.
const NS = 'http://www.w3.org/2000/svg';
const SHAPES = { LINEAR: p => p, EASE_IN: p => p * p, S_CURVE: p => p * p * (3 - 2 * p) };

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

// steps: the planned steps ({duration, target, cap, rampUp, curve, rest, regionName, side}).
export function timeline(steps, title) {
  const W = 1000, H = 340, left = 60, right = 20, top = 34, bottom = 70;
  const total = steps.reduce((t, s) => t + s.duration, 0) || 1;
  const x = t => left + (W - left - right) * t / total;
  const y = v => top + (H - top - bottom) * (1 - v);
  const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': title });
  svg.append(el('text', { x: left, y: 20, class: 'chart-title' }, title));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(el('line', { x1: left, x2: W - right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    svg.append(el('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-text' }, Math.round(v * 100) + '%'));
  }
  // whole minutes on the time axis, every one labelled unless there are many
  const minutes = Math.floor(total / 60);
  const every = Math.max(1, Math.ceil(minutes / 15));
  for (let m = 0; m <= minutes; m += every) {
    svg.append(el('line', { x1: x(m * 60), x2: x(m * 60), y1: y(0), y2: y(0) + 5, class: 'chart-axis' }));
    svg.append(el('text', { x: x(m * 60), y: y(0) + 20, 'text-anchor': 'middle', class: 'chart-text' }, m + ' min'));
  }
  svg.append(el('text', { x: (left + W - right) / 2, y: y(0) + 38, 'text-anchor': 'middle', class: 'chart-text' }, 'time from the start'));
  svg.append(el('line', { x1: left, x2: W - right, y1: y(0), y2: y(0), class: 'chart-axis' }));
  svg.append(el('line', { x1: left, x2: left, y1: y(0), y2: y(1), class: 'chart-axis' }));

  let t = 0, target = 'M' + x(0) + ' ' + y(0), cap = '';
  for (const s of steps) {
    if (s.rest) {
      const rest = el('rect', { x: x(t), y: y(1), width: Math.max(0, x(t + s.duration) - x(t)), height: y(0) - y(1), class: 'chart-rest' });
      rest.append(el('title', {}, 'rest ' + s.duration + ' s'));
      svg.append(rest);
      target += ' L' + x(t) + ' ' + y(0) + ' L' + x(t + s.duration) + ' ' + y(0);
    } else {
      const shape = SHAPES[s.curve] || SHAPES.LINEAR;
      const ramp = Math.min(s.rampUp || 0, s.duration);
      for (let i = 0; i <= 10; i++) {
        const p = i / 10;
        target += ' L' + x(t + ramp * p) + ' ' + y(s.target * shape(p));
      }
      target += ' L' + x(t + s.duration) + ' ' + y(s.target);
      cap += ' M' + x(t) + ' ' + y(s.cap) + ' L' + x(t + s.duration) + ' ' + y(s.cap);
    }
    t += s.duration;
  }
  svg.append(el('path', { d: target, class: 'chart-target' }));
  if (cap) svg.append(el('path', { d: cap, class: 'chart-cap' }));
  svg.append(el('text', { x: left, y: H - 6, class: 'chart-text' },
    'orange: target with its ramp · dashed red: effective cap · blue: rest'));
  return svg;
}
