// The clients page: list, add, edit and remove client records through the daemon's /clients API,
// which checks them with the same rules and messages as 'thrum clients'. Fields the page does not
// show (remembered softer targets, a plan, the confirmation) are kept as they were.
import { api, ApiError, errorText } from './api.js';

const $ = id => document.getElementById(id);
const state = { record: null, editing: null, regions: [], conditions: [] };
const FIELDS = ['id', 'name', 'maxIntensity', 'weeklyTarget', 'maxSession', 'notes'];

function node(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function status(text) { $('clients-status').textContent = text; $('clients-status').hidden = !text; }

async function load() {
  try {
    const [regions, conditions] = await Promise.all([api('GET', '/regions'), api('GET', '/conditions')]);
    state.regions = regions.regions.filter(g => !g.blocked);
    state.conditions = conditions.conditions;
    await list();
    $('new-client').disabled = false; // the form needs the regions and conditions
  } catch (e) {
    status(e instanceof ApiError && e.status === 401 ? 'Not logged in: open Thrum with "thrum open" first.' : errorText(e));
  }
}

async function list() {
  const { clients } = await api('GET', '/clients');
  $('client-rows').replaceChildren(...clients.map(c => {
    const tr = node('tr', { id: 'client-' + c.id });
    for (const t of [c.name, c.id, c.weeklyTarget ? String(c.weeklyTarget) : '', (c.conditions || []).join(', ')]) tr.append(node('td', {}, t));
    const b = node('button', { type: 'button', 'aria-label': 'Edit ' + c.name }, 'Edit');
    b.addEventListener('click', () => edit(c));
    const td = node('td'); td.append(b); tr.append(td);
    return tr;
  }));
}

function edit(record) {
  state.record = record || {};
  state.editing = record ? record.id : null;
  $('client-form-title').textContent = record ? 'Edit ' + record.name : 'New client';
  for (const f of FIELDS) $('c-' + f).value = state.record[f] == null || state.record[f] === 0 && f === 'weeklyTarget' ? '' : state.record[f];
  $('c-id').readOnly = !!record;
  $('c-remove').hidden = !record;
  $('c-remove-ask').hidden = true;
  const has = new Set(state.record.conditions || []);
  $('c-conditions').replaceChildren(...state.conditions.map(c => {
    const label = node('label');
    const box = node('input', { type: 'checkbox', id: 'cond-' + c.key, value: c.key });
    box.checked = has.has(c.key);
    label.append(box, ' ' + c.key.replace(/-/g, ' '), node('span', { class: 'limit' }, c.warning + ' ' + tightens(c)));
    return label;
  }));
  const avoid = new Set(state.record.avoid || []), caps = state.record.regionCaps || {};
  $('c-regions').replaceChildren(...state.regions.flatMap(g => {
    const avoidBox = node('input', { type: 'checkbox', id: 'avoid-' + g.id });
    avoidBox.checked = avoid.has(g.id);
    const avoidLabel = node('label', { for: 'avoid-' + g.id }); avoidLabel.append(avoidBox, ' avoid');
    const cap = node('input', { type: 'number', id: 'cap-' + g.id, min: 0, max: 1, step: 0.05, 'aria-label': 'Cap for ' + g.name });
    cap.value = caps[g.id] ?? '';
    return [node('span', {}, g.name + ' (region cap ' + g.cap + ')'), avoidLabel, cap];
  }));
  clearErrors();
  $('client-form-box').hidden = false;
  $('c-' + (record ? 'name' : 'id')).focus();
}

// what a condition tightens, in words: "Caps: everything 0.5, lower-back 0.2. Avoids: hip-flexors. Sessions up to 15 min."
function tightens(c) {
  const caps = [];
  if (c.allCap < 1) caps.push('everything ' + c.allCap);
  for (const [r, v] of Object.entries(c.regionCaps)) caps.push(r + ' ' + v);
  return (caps.length ? 'Caps: ' + caps.join(', ') + '. ' : '') + (c.avoid.length ? 'Avoids: ' + c.avoid.join(', ') + '. ' : '')
    + (c.maxSessionMinutes ? 'Sessions up to ' + c.maxSessionMinutes + ' min.' : '');
}

function body() {
  const out = Object.assign({}, state.record);
  for (const f of FIELDS) {
    const raw = $('c-' + f).value.trim();
    if (raw === '') delete out[f];
    else out[f] = ['maxIntensity', 'weeklyTarget'].includes(f) && isFinite(Number(raw)) ? Number(raw) : raw;
  }
  out.conditions = state.conditions.filter(c => $('cond-' + c.key).checked).map(c => c.key);
  out.avoid = state.regions.filter(g => $('avoid-' + g.id).checked).map(g => g.id);
  out.regionCaps = {};
  for (const g of state.regions) {
    const raw = $('cap-' + g.id).value.trim();
    if (raw !== '') out.regionCaps[g.id] = isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return out;
}

function clearErrors() { document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; }); }

// "POST /clients ($.maxIntensity, line 1, column 30): message" -> the field's slot
function showProblem(text) {
  const m = /\(\$\.([A-Za-z]+)[^)]*\):\s*(.*)$/.exec(text);
  const slot = m && $('err-c-' + m[1]) ? $('err-c-' + m[1]) : $('err-c-other');
  slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + (m && $('err-c-' + m[1]) ? m[2] : text);
}

async function save() {
  clearErrors();
  const b = body();
  try {
    const put = state.editing != null;
    await api(put ? 'PUT' : 'POST', put ? '/clients/' + encodeURIComponent(state.editing) : '/clients', b);
    status('Saved ' + b.name + '.');
    $('client-form-box').hidden = true;
    await list();
  } catch (e) {
    if (e instanceof ApiError && e.data.problems) e.data.problems.forEach(showProblem);
    else showProblem(errorText(e));
    status('Not saved: see the marked fields.');
  }
}

$('new-client').addEventListener('click', () => edit(null));
$('client-form').addEventListener('submit', e => { e.preventDefault(); save(); });
$('c-remove').addEventListener('click', () => {
  $('c-remove-question').textContent = 'Remove ' + state.record.name + '? Their file is deleted; the usage log keeps their sessions.';
  $('c-remove-ask').hidden = false;
  $('c-remove-no').focus();
});
$('c-remove-no').addEventListener('click', () => { $('c-remove-ask').hidden = true; $('c-remove').focus(); });
$('c-remove-yes').addEventListener('click', async () => {
  try {
    await api('DELETE', '/clients/' + encodeURIComponent(state.editing));
    status('Removed ' + state.record.name + '.');
    $('client-form-box').hidden = true;
    await list();
  } catch (e) { status('Not removed: ' + errorText(e)); }
});
load();
