// The step list of the routine editor: one small form per step, its region's limits beside each
// field and an empty slot under each field for the server's problem with it. Steps reorder by
// dragging a step's handle onto another step (HTML5 drag and drop) or by the Move buttons.
const PRESSURES = [['', 'not set (medium, within the limits)'], ['light', 'light'], ['medium', 'medium'], ['firm', 'firm']];
const CURVES = [['linear', 'linear (even)'], ['ease-in', 'ease-in (slow start)'], ['s-curve', 's-curve (slow at both ends)']];

function node(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

// The seconds of a file's duration: 90, "45s", "2m", "1m30s"; null when it is none of these.
export function toSeconds(d) {
  if (typeof d === 'number') return d;
  const m = /^(?:(\d+)m)?(?:(\d+)s)?$/.exec(String(d || ''));
  return m && (m[1] || m[2]) ? Number(m[1] || 0) * 60 + Number(m[2] || 0) : null;
}

function field(box, id, label, value, limit, attrs = {}) {
  box.append(node('label', { for: id }, label));
  const input = node('input', Object.assign({ id, 'aria-describedby': 'err-' + id + ' lim-' + id }, attrs));
  input.value = value == null ? '' : value;
  box.append(input, node('span', { id: 'lim-' + id, class: 'limit' }, limit || ''), node('p', { id: 'err-' + id, class: 'field-error', role: 'alert' }));
  return input;
}

// Drag a step by its handle and drop it on another step: it takes that step's place (the others
// shift). Only the handle is draggable, so text in the step's fields can still be selected. The
// step travels under a type of its own, so text dragged in from elsewhere ("2") never moves a step.
const STEP_TYPE = 'application/x-thrum-step';

function draggable(item, handle, i, count, onMoveTo) {
  handle.addEventListener('dragstart', e => {
    e.dataTransfer.setData(STEP_TYPE, String(i));
    e.dataTransfer.effectAllowed = 'move';
    item.classList.add('dragging');
  });
  handle.addEventListener('dragend', () => item.classList.remove('dragging'));
  item.addEventListener('dragover', e => {
    if (!e.dataTransfer.types.includes(STEP_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    item.classList.add('drop-here');
  });
  item.addEventListener('dragleave', () => item.classList.remove('drop-here'));
  item.addEventListener('drop', e => {
    if (!e.dataTransfer.types.includes(STEP_TYPE)) return;
    e.preventDefault();
    item.classList.remove('drop-here');
    const from = Number(e.dataTransfer.getData(STEP_TYPE));
    if (Number.isInteger(from) && from >= 0 && from < count && from !== i) onMoveTo(from, i);
  });
}

// steps: the program's steps (file format); regions: id -> region; onChange(index, key, value);
// onMove(index, by) (the buttons); onMoveTo(from, to) (a drop); onRemove(index)
export function renderSteps(list, steps, regions, handlers) {
  list.replaceChildren();
  steps.forEach((step, i) => {
    const item = node('li', { class: 'step', id: 's' + i });
    const handle = node('span', { class: 'drag-handle', id: 's' + i + '-drag', draggable: 'true', title: 'Drag onto another step to move this one there' }, '⠿ drag');
    // keyboard and screen-reader users have the Move buttons; the handle is for the mouse only
    handle.setAttribute('aria-hidden', 'true');
    item.append(handle);
    draggable(item, handle, i, steps.length, handlers.onMoveTo);
    const box = node('div', { class: 'fields' });
    const p = 's' + i + '-';
    const bind = (input, key, numeric) => input.addEventListener('change', () => {
      const raw = input.value.trim();
      handlers.onChange(i, key, raw === '' ? undefined : (numeric && isFinite(Number(raw)) ? Number(raw) : raw));
    });
    if (step.region) {
      const g = regions.get(step.region);
      const name = g ? g.name : step.region;
      item.append(node('h3', {}, 'Step ' + (i + 1) + ': ' + name + (step.side ? ', ' + step.side + (step.side === 'both' ? ' sides' : ' side') : '')));
      const max = g ? g.maxContinuous : null;
      bind(field(box, p + 'duration', 'Time per side (s)', toSeconds(step.duration) ?? step.duration,
        max != null ? 'at most ' + max + ' s per side on this region' : '', { type: 'number', min: 1, step: 1 }), 'duration', true);
      bind(field(box, p + 'target', 'Target (0 to 1)', step.target,
        g ? 'this region\'s cap is ' + g.cap + ' (a higher target is lowered to it)' : '', { type: 'number', min: 0, max: 1, step: 0.05 }), 'target', true);
      bind(field(box, p + 'rampUp', 'Ramp up (s)', toSeconds(step.rampUp) ?? step.rampUp, 'at most the step\'s time; empty: 10 s',
        { type: 'number', min: 0, step: 1 }), 'rampUp', true);
      box.append(node('label', { for: p + 'curve' }, 'Curve'));
      const curve = node('select', { id: p + 'curve', 'aria-describedby': 'err-' + p + 'curve' });
      for (const [v, t] of CURVES) curve.append(node('option', { value: v }, t));
      curve.value = step.curve || 'linear';
      box.append(curve, node('span', { class: 'limit' }), node('p', { id: 'err-' + p + 'curve', class: 'field-error', role: 'alert' }));
      bind(curve, 'curve', false);
      // exactly the program format's "pressure": a band in words; empty leaves it to the planner (medium, within the limits)
      box.append(node('label', { for: p + 'pressure' }, 'Pressure'));
      const pressure = node('select', { id: p + 'pressure', 'aria-describedby': 'err-' + p + 'pressure lim-' + p + 'pressure' });
      for (const [v, t] of PRESSURES) pressure.append(node('option', { value: v }, t));
      pressure.value = step.pressure || '';
      const most = g && g.maxPressure ? g.maxPressure : 'firm';
      box.append(pressure, node('span', { id: 'lim-' + p + 'pressure', class: 'limit' }, 'this region allows at most ' + most
        + (most === 'firm' ? '' : ' (asking for more is refused)')), node('p', { id: 'err-' + p + 'pressure', class: 'field-error', role: 'alert' }));
      bind(pressure, 'pressure', false);
      bind(field(box, p + 'pressureRamp', 'Pressure build-up (s)', toSeconds(step.pressureRamp) ?? step.pressureRamp,
        'from light to the band; at most the step\'s time; empty: the ramp-up time', { type: 'number', min: 0, step: 1 }), 'pressureRamp', true);
      bind(field(box, p + 'cue', 'Cue', step.cue, 'empty: ' + (g ? g.cue : 'the region\'s own guidance')), 'cue', false);
    } else if (step.rest !== undefined) {
      item.append(node('h3', {}, 'Step ' + (i + 1) + ': rest (motor still)'));
      bind(field(box, p + 'rest', 'Rest (s)', toSeconds(step.rest) ?? step.rest, 'to move the gun or let the tissue settle',
        { type: 'number', min: 1, step: 1 }), 'rest', true);
      bind(field(box, p + 'cue', 'Cue', step.cue, 'what to do during the rest'), 'cue', false);
    } else {
      const inner = (step.steps || []).map(s => s.region ? (regions.get(s.region) || { name: s.region }).name : 'rest').join(', ');
      item.append(node('h3', {}, 'Step ' + (i + 1) + ': repeat of ' + inner));
      bind(field(box, p + 'repeat', 'Times', step.repeat, '1 to 10', { type: 'number', min: 1, max: 10, step: 1 }), 'repeat', true);
    }
    item.append(box, node('p', { id: 'err-s' + i, class: 'field-error', role: 'alert' }));
    const buttons = node('div', { class: 'step-buttons' });
    for (const [what, label, act] of [['up', 'Move up', () => handlers.onMove(i, -1)], ['down', 'Move down', () => handlers.onMove(i, 1)],
      ['remove', 'Remove', () => handlers.onRemove(i)]]) {
      const b = node('button', { type: 'button', id: p + what, 'aria-label': label + ' step ' + (i + 1) }, label);
      b.addEventListener('click', act);
      buttons.append(b);
    }
    buttons.children[0].disabled = i === 0;
    buttons.children[1].disabled = i === steps.length - 1;
    item.append(buttons);
    list.append(item);
  });
}
