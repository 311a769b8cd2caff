// The routine editor: start blank or from a copy, add steps by clicking the body map (each with its
// pressure band), reorder them by drag or by buttons, let the
// daemon check the routine with the same rules as 'thrum programs check' (each problem shown at its
// step and field), preview it as a chart for a client, and save it to the user's programs folder.
import { api, ApiError, errorText } from './api.js';
import { BodyMap } from './bodymap.js';
import { renderSteps } from './editor-steps.js';
import { timeline } from './timeline.js';

const $ = id => document.getElementById(id);
const state = { program: blank(), regions: new Map(), programs: [], editing: null, timer: null };

function blank() { return { id: 'my-routine', name: 'My routine', author: '', description: '', steps: [] }; }

function item(text) { const li = document.createElement('li'); li.textContent = text; return li; }

function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }

function status(text) { $('editor-status').textContent = text; $('editor-status').hidden = !text; }

async function load() {
  try {
    const [regions, programs, clients] = await Promise.all([api('GET', '/regions'), api('GET', '/programs'), api('GET', '/clients')]);
    regions.regions.forEach(g => state.regions.set(g.id, g));
    state.programs = programs.programs;
    $('origin').replaceChildren(option('blank', 'A blank routine'));
    for (const p of state.programs) {
      $('origin').append(option('copy:' + p.id, (p.builtIn ? 'Template: ' : 'Copy of ') + p.name));
      if (!p.builtIn) $('origin').append(option('edit:' + p.id, 'Edit ' + p.name));
    }
    $('preview-client').replaceChildren(option('', 'No client'), ...clients.clients.map(c => option(c.id, c.name)));
    // never offer a blocked region: not in the list, not clickable on the map
    const offered = regions.regions.filter(g => !g.blocked);
    $('add-region').replaceChildren(...offered.map(g => option(g.id, g.name)));
    await loadMap();
  } catch (e) {
    status(e instanceof ApiError && e.status === 401 ? 'Not logged in: open Thrum with "thrum open" first.' : 'Cannot load: ' + errorText(e));
    return;
  }
  show();
}

async function loadMap() {
  const map = new BodyMap($('editor-map'));
  await map.load();
  for (const shape of map.svg.querySelectorAll('.region')) {
    const g = state.regions.get(shape.dataset.region);
    if (!g || g.blocked) { shape.setAttribute('aria-hidden', 'true'); continue; }
    shape.classList.add('offered');
    shape.addEventListener('click', () => addRegion(g.id, g.sides ? shape.dataset.side.toLowerCase() : null));
  }
  state.map = map;
}

function addRegion(id, side) {
  const g = state.regions.get(id);
  if (!g || g.blocked) return;
  const duration = Math.min(60, g.maxContinuous);
  // a new step says its pressure (medium, or the region's maximum when that is gentler), so the file states it
  const pressure = g.maxPressure === 'light' ? 'light' : 'medium';
  const step = { region: id, duration, target: Math.min(0.4, g.cap), rampUp: Math.min(15, Math.floor(duration / 2)), curve: 'ease-in', pressure };
  if (g.sides) step.side = side || 'both';
  state.program.steps.push(step);
  changed();
}

// the last answer no longer describes the routine: say so until the next check is back
function later() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, 300);
  state.asked = (state.asked || 0) + 1; // an answer already on its way is for the routine before this change
  $('check-summary').textContent = 'Checking…';
  delete $('check-summary').dataset.valid;
}

function changed() { show(); later(); }

function show() {
  const p = state.program;
  $('p-id').value = p.id; $('p-name').value = p.name; $('p-author').value = p.author || ''; $('p-description').value = p.description || '';
  renderSteps($('steps'), p.steps, state.regions, {
    // a field's change keeps the form as it is (and the focus where it is); only the check runs again
    onChange: (i, key, value) => { if (value === undefined) delete p.steps[i][key]; else p.steps[i][key] = value; later(); },
    onMove: (i, by) => { const j = i + by; [p.steps[i], p.steps[j]] = [p.steps[j], p.steps[i]]; changed(); announceMove(i, j); focusAfterMove(j, by); },
    onMoveTo: (from, to) => { p.steps.splice(to, 0, ...p.steps.splice(from, 1)); changed(); announceMove(from, to); },
    onRemove: i => { p.steps.splice(i, 1); changed(); },
  });
  if (state.map) for (const shape of state.map.svg.querySelectorAll('.region'))
    shape.classList.toggle('in-routine', p.steps.some(s => s.region === shape.dataset.region));
}

// a drag or a button moved a step: said by screen readers (an aria-live region) and shown above the list
function announceMove(from, to) {
  const s = state.program.steps[to];
  const what = s.region ? (state.regions.get(s.region) || { name: s.region }).name + (s.side ? ', ' + s.side : '') : s.rest !== undefined ? 'the rest' : 'the repeat';
  $('steps-announce').textContent = 'Moved ' + what + ' from step ' + (from + 1) + ' to step ' + (to + 1) + '.';
}

// keyboard users keep their place: the moved step's same button keeps the focus
function focusAfterMove(j, by) {
  const b = $('s' + j + (by < 0 ? '-up' : '-down'));
  (b && !b.disabled ? b : $('s' + j + '-remove')).focus();
}

function body() {
  const p = state.program;
  const out = { id: p.id, name: p.name };
  if (p.author) out.author = p.author;
  if (p.description) out.description = p.description;
  out.steps = p.steps;
  return out;
}

function regionNames(text) {
  return text.replace(/\b[a-z]+(?:-[a-z]+)+\b/g, id => state.regions.has(id) ? state.regions.get(id).name : id);
}

// $.steps[2].duration -> the field's slot; $.steps[2].steps[0]... (inside a repeat) -> the step's slot
function slotOf(path) {
  const top = { '$.id': 'err-p-id', '$.name': 'err-p-name', '$.steps': 'err-steps' };
  if (!path) return null;
  if (top[path]) return top[path];
  const m = /^\$\.steps\[(\d+)\](?:\.([A-Za-z]+))?/.exec(path);
  if (!m) return null;
  const field = m[2] && m[2] !== 'steps' ? 'err-s' + m[1] + '-' + m[2] : null;
  return field && $(field) ? field : 'err-s' + m[1];
}

function clearProblems() {
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  document.querySelectorAll('.invalid').forEach(e => { e.classList.remove('invalid'); e.removeAttribute('aria-invalid'); });
  $('other-problems').replaceChildren();
}

function showProblem(path, message) {
  const slot = slotOf(path);
  const target = slot && $(slot);
  if (!target) { $('other-problems').append(item(regionNames(message))); return; }
  target.textContent = (target.textContent ? target.textContent + ' ' : '') + regionNames(message);
  const input = $(slot.slice(4));
  if (input) { input.classList.add('invalid'); input.setAttribute('aria-invalid', 'true'); }
}

async function check() {
  clearTimeout(state.timer);
  const client = $('preview-client').value;
  const asked = state.asked = (state.asked || 0) + 1;
  let answer;
  try {
    answer = await api('POST', '/programs/check' + (client ? '?client=' + encodeURIComponent(client) : ''), body());
  } catch (e) {
    $('check-summary').textContent = errorText(e);
    return null;
  }
  if (asked !== state.asked) return answer; // a later edit's check is on its way: only the newest is shown
  clearProblems();
  $('check-summary').dataset.valid = answer.valid;
  $('plan-notes-editor').replaceChildren();
  if (!answer.valid) {
    answer.problems.forEach(p => showProblem(p.path, p.message));
    $('check-summary').textContent = answer.problems.length + (answer.problems.length === 1 ? ' problem' : ' problems') + ' to fix before saving: see the marked fields.';
    $('timeline').replaceChildren();
    return answer;
  }
  const plan = answer.plan;
  $('check-summary').textContent = 'No problems. ' + Math.round(plan.plannedDuration / 60 * 10) / 10 + ' minutes as planned' + (plan.clientName ? ' for ' + plan.clientName : '') + '.';
  plan.notes.forEach(n => $('plan-notes-editor').append(item(n)));
  $('timeline').replaceChildren(timeline(plan.steps, 'Intensity and pressure against time' + (plan.clientName ? ' for ' + plan.clientName : '') + ', with the effective caps'));
  return answer;
}

async function save() {
  const answer = await check();
  if (!answer || !answer.valid) { status('Not saved: fix the marked fields first.'); return; }
  const p = state.program;
  try {
    const put = state.editing === p.id;
    const r = await api(put ? 'PUT' : 'POST', put ? '/programs/' + encodeURIComponent(p.id) : '/programs', body());
    state.editing = p.id;
    status('Saved ' + p.name + ' as ' + r.saved + '. It is in the program list of the "now" page and of "thrum programs list".');
  } catch (e) {
    if (e instanceof ApiError && e.status === 409) showProblem('$.id', e.message + ' (' + e.data.hint + ')');
    status('Not saved: ' + errorText(e));
  }
}

// a copy gets a new id so it never replaces the program it came from
function freeId(id) {
  const taken = new Set(state.programs.map(p => p.id));
  let candidate = id + '-copy';
  for (let n = 2; taken.has(candidate); n++) candidate = id + '-copy-' + n;
  return candidate;
}

async function open(choice) {
  status('');
  if (choice === 'blank') { state.program = blank(); state.editing = null; changed(); return; }
  const [how, id] = choice.split(':');
  try {
    const { program } = await api('GET', '/programs/' + encodeURIComponent(id));
    state.program = Object.assign(blank(), program);
    if (how === 'copy') { state.program.id = freeId(id); state.program.name = program.name + ' (copy)'; state.editing = null; }
    else state.editing = id;
    changed();
  } catch (e) { status('Cannot open ' + id + ': ' + errorText(e)); }
}

for (const [id, key] of [['p-id', 'id'], ['p-name', 'name'], ['p-author', 'author'], ['p-description', 'description']])
  $(id).addEventListener('change', () => { state.program[key] = $(id).value.trim(); later(); });
$('origin-form').addEventListener('submit', e => { e.preventDefault(); open($('origin').value); });
$('add-form').addEventListener('submit', e => {
  e.preventDefault();
  const g = state.regions.get($('add-region').value);
  addRegion(g.id, g.sides ? $('add-side').value : null);
});
$('add-rest').addEventListener('click', () => { state.program.steps.push({ rest: 15 }); changed(); });
$('add-repeat').addEventListener('click', () => {
  const s = state.program.steps;
  if (s.length < 2 || s.slice(-2).some(x => x.repeat)) { status('A repeat needs two steps before it, neither of them a repeat.'); return; }
  s.push({ repeat: 2, steps: s.splice(-2, 2) });
  changed();
});
$('preview-client').addEventListener('change', check);
$('check').addEventListener('click', check);
$('save').addEventListener('click', save);
load();
