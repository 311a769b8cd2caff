// The plan as a chart against time: intensity (the target with its ramp, the effective cap dashed,
// rests shaded) and under it the pressure band each step builds up to, from light, with the firmest
// band allowed there dashed. Plain SVG built in the page, so it needs no library and no inline style.
const NS = 'http://www.w3.org/2000/svg';
const SHAPES = { LINEAR: p => p, EASE_IN: p => p * p, S_CURVE: p => p * p * (3 - 2 * p) };

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

// The bands drawn as shares of the gun's stall force: the defaults of docs/pressure.md, the same
// for every device (a profile's own figures only move the newtons, not the order or the overlap).
const BANDS = { light: [0.05, 0.25], medium: [0.25, 0.5], firm: [0.5, 0.75] };
const LANE = { top: 268, bottom: 368 };

// the band at a moment of a step: both ends move together from light to the step's band
function bandAt(s, t) {
  const to = BANDS[s.pressure] || BANDS.medium, from = BANDS.light;
  const p = s.pressureRamp > 0 ? Math.min(1, t / s.pressureRamp) : 1;
  return [from[0] + (to[0] - from[0]) * p, from[1] + (to[1] - from[1]) * p];
}

function pressureLane(svg, steps, x, left, right) {
  const y = share => LANE.bottom - (LANE.bottom - LANE.top) * share / 0.8;
  svg.append(el('rect', { x: left, y: LANE.top, width: right - left, height: LANE.bottom - LANE.top, class: 'chart-pressure-lane' }));
  for (const [name, [low, high]] of Object.entries(BANDS)) {
    svg.append(el('line', { x1: left, x2: right, y1: y(high), y2: y(high), class: 'chart-grid' }));
    svg.append(el('text', { x: left - 8, y: y((low + high) / 2) + 4, 'text-anchor': 'end', class: 'chart-text' }, name));
  }
  svg.append(el('text', { x: left, y: LANE.top - 8, class: 'chart-text' }, 'pressure band'));
  let t = 0;
  for (const s of steps) {
    if (!s.rest && s.pressure) {
      const upper = [], lower = [];
      const ramp = Math.min(s.pressureRamp || 0, s.duration);
      for (let i = 0; i <= 10; i++) {
        const at = ramp * i / 10, [low, high] = bandAt(s, at);
        upper.push(x(t + at) + ' ' + y(high));
        lower.unshift(x(t + at) + ' ' + y(low));
      }
      const [low, high] = bandAt(s, s.duration);
      upper.push(x(t + s.duration) + ' ' + y(high));
      lower.unshift(x(t + s.duration) + ' ' + y(low));
      const band = el('path', { d: 'M' + upper.concat(lower).join(' L') + ' Z', class: 'chart-pressure' });
      band.append(el('title', {}, s.regionName + ': ' + s.pressure + ' pressure, built up from light over ' + Math.round(ramp) + ' s; at most ' + s.maxPressure));
      svg.append(band);
      const most = (BANDS[s.maxPressure] || BANDS.firm)[1];
      svg.append(el('path', { d: 'M' + x(t) + ' ' + y(most) + ' L' + x(t + s.duration) + ' ' + y(most), class: 'chart-pressure-max' }));
    }
    t += s.duration;
  }
  svg.append(el('line', { x1: left, x2: left, y1: LANE.top, y2: LANE.bottom, class: 'chart-axis' }));
}

// steps: the planned steps ({duration, target, cap, rampUp, curve, rest, regionName, side, pressure, maxPressure, pressureRamp}).
export function timeline(steps, title) {
  const W = 1000, H = 460, left = 70, right = 20, top = 34;
  const total = steps.reduce((t, s) => t + s.duration, 0) || 1;
  const x = t => left + (W - left - right) * t / total;
  const y = v => top + (230 - top) * (1 - v);
  const svg = el('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': title });
  svg.append(el('text', { x: left, y: 20, class: 'chart-title' }, title));
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    svg.append(el('line', { x1: left, x2: W - right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    svg.append(el('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'chart-text' }, Math.round(v * 100) + '%'));
  }
  svg.append(el('text', { x: 16, y: y(0.5), transform: 'rotate(-90 16 ' + y(0.5) + ')', 'text-anchor': 'middle', class: 'chart-text' }, 'intensity'));
  // whole minutes on the time axis (under the pressure lane), every one labelled unless there are many
  const minutes = Math.floor(total / 60);
  const every = Math.max(1, Math.ceil(minutes / 15));
  for (let m = 0; m <= minutes; m += every) {
    svg.append(el('line', { x1: x(m * 60), x2: x(m * 60), y1: LANE.bottom, y2: LANE.bottom + 5, class: 'chart-axis' }));
    svg.append(el('text', { x: x(m * 60), y: LANE.bottom + 20, 'text-anchor': 'middle', class: 'chart-text' }, m + ' min'));
  }
  svg.append(el('text', { x: (left + W - right) / 2, y: LANE.bottom + 38, 'text-anchor': 'middle', class: 'chart-text' }, 'time from the start'));
  svg.append(el('line', { x1: left, x2: W - right, y1: LANE.bottom, y2: LANE.bottom, class: 'chart-axis' }));
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
  pressureLane(svg, steps, x, left, W - right);
  svg.append(el('text', { x: left, y: H - 26, class: 'chart-text' },
    'orange: target with its ramp · dashed red: effective cap · blue: rest'));
  svg.append(el('text', { x: left, y: H - 8, class: 'chart-text' },
    'green: the pressure band to press in, built up from light · dashed red in the lower lane: the firmest band allowed there'));
  return svg;
}
