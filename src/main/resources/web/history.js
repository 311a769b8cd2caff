// The history page: the usage log filtered by client, program and dates; the charts of
// GET /log/history; the sessions newest first, each with its steps on request; a CSV of the view.
import { api, ApiError, errorText } from './api.js';
import { calendarChart, dayLabel, pressureRegionsChart, pressureWeeksChart, regionWeeksChart, sessionsPerWeekChart, share } from './charts.js';
import { seconds, words } from './format.js';
import { painChange, painLine, regionMinutes } from './session-text.js';
import { showPainFigures } from './pain-review.js';

const $ = id => document.getElementById(id);

function option(value, text) { const o = document.createElement('option'); o.value = value; o.textContent = text; return o; }

function cell(row, text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; row.append(td); return td; }

function query() {
  const q = new URLSearchParams();
  for (const [key, id] of [['client', 'f-client'], ['program', 'f-program'], ['since', 'f-since'], ['until', 'f-until']])
    if ($(id).value) q.set(key, $(id).value);
  return q;
}

async function load() {
  try {
    const [clients, programs] = await Promise.all([api('GET', '/clients'), api('GET', '/programs')]);
    $('f-client').replaceChildren(option('', 'Everyone'), ...clients.clients.map(c => option(c.name, c.name)));
    $('f-program').replaceChildren(option('', 'All programs'), ...programs.programs.map(p => option(p.id, p.name)));
  } catch (e) {
    $('history-status').hidden = false;
    $('history-status').textContent = e instanceof ApiError && e.status === 401 ? 'Not logged in: open Thrum with "thrum open" first.' : errorText(e);
    return;
  }
  await show();
}

async function show() {
  const q = query();
  let h;
  try {
    h = await api('GET', '/log/history?' + q);
  } catch (e) {
    $('history-status').hidden = false;
    $('history-status').textContent = errorText(e);
    return;
  }
  $('history-status').hidden = true;
  const csv = new URLSearchParams(q); csv.set('format', 'csv');
  $('export').href = '/log/export?' + csv;
  const minutes = h.days.reduce((t, d) => t + d.minutes, 0);
  $('figures').textContent = h.sessionCount + (h.sessionCount === 1 ? ' session, ' : ' sessions, ') + Math.round(minutes) + ' minutes of treatment on ' + h.days.length + ' days.';
  const a = h.adherence;
  $('adherence').textContent = a ? 'Adherence (target ' + a.target + ' a week): ' + Math.round(a.percent) + '% over ' + a.weeks + (a.weeks === 1 ? ' week' : ' weeks') + '; on target in ' + a.weeksOnTarget + ' of them.'
    : 'Adherence: choose a client with a weekly target to see it.';
  showPainFigures(q, $('pain-figures'));
  $('chart-regions').replaceChildren(regionWeeksChart(h.regionWeeks));
  $('chart-weeks').replaceChildren(sessionsPerWeekChart(h.weeks, a ? a.target : null));
  $('chart-calendar').replaceChildren(calendarChart(h.days));
  // pressure charts only for sessions whose device reported force: no reading is never shown as "in band"
  const pressed = h.pressure && h.pressure.regions.length > 0;
  $('pressure-none').hidden = pressed;
  $('chart-pressure-regions').replaceChildren(...(pressed ? [pressureRegionsChart(h.pressure.regions)] : []));
  $('chart-pressure-weeks').replaceChildren(...(pressed ? [pressureWeeksChart(h.pressure.weeks)] : []));
  $('session-count').textContent = h.sessions.length < h.sessionCount ? '(the newest ' + h.sessions.length + ' of ' + h.sessionCount + ')' : '(' + h.sessionCount + ')';
  $('sessions').replaceChildren(...h.sessions.map(row));
  $('detail').hidden = true;
}

function row(s) {
  const tr = document.createElement('tr');
  tr.id = 'session-' + s.id;
  cell(tr, dayLabel(s.day) + ' ' + s.day.slice(0, 4) + ', ' + new Date(s.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));
  cell(tr, s.programName || s.programId || '');
  cell(tr, s.client || '');
  cell(tr, words(s.outcome), s.outcome === 'COMPLETED' ? 'outcome-completed' : 'outcome-other');
  cell(tr, seconds(s.activeSeconds));
  cell(tr, s.warnings && s.warnings.length ? String(s.warnings.length) : '');
  cell(tr, painChange(s), 'pain');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Steps';
  button.setAttribute('aria-label', 'Steps of the session on ' + s.day);
  button.addEventListener('click', () => detail(s));
  cell(tr, '').append(button);
  return tr;
}

function percent(x) { return x == null ? '' : Math.round(x * 100) + '%'; }

// "medium: 60% in band, 25% too soft, 15% too hard"; only the band when the device reported no force
function pressureText(p) {
  if (!p) return '';
  const measured = (p.below || 0) + (p.in || 0) + (p.above || 0);
  if (p.in === undefined) return p.band;
  if (!(measured > 0)) return p.band + ': no reading';
  return p.band + ': ' + share(p.in, measured) + ' in band, ' + share(p.below, measured) + ' too soft, ' + share(p.above, measured) + ' too hard';
}

function detail(s) {
  $('detail').hidden = false;
  $('detail-title').textContent = (s.programName || s.programId) + ' on ' + dayLabel(s.day) + ' ' + s.day.slice(0, 4);
  $('detail-summary').textContent = words(s.outcome) + '; active ' + seconds(s.activeSeconds) + ', paused ' + seconds(s.pausedSeconds)
    + (s.client ? '; ' + s.client : '') + (s.interruptions ? '; ' + s.interruptions + ' interruptions' : '');
  $('detail-regions').textContent = regionMinutes(s) ? 'Minutes per region: ' + regionMinutes(s) + '.' : 'No region treated.';
  $('detail-pain').textContent = painLine(s);
  $('detail-warnings').replaceChildren(...(s.warnings || []).map(w => { const li = document.createElement('li'); li.textContent = w; return li; }));
  $('detail-steps').replaceChildren(...s.steps.map(step => {
    const tr = document.createElement('tr');
    cell(tr, String(step.index + 1));
    cell(tr, step.rest ? 'rest' : step.region);
    cell(tr, step.side === 'LEFT' ? 'left' : step.side === 'RIGHT' ? 'right' : '');
    cell(tr, seconds(step.plannedSeconds));
    cell(tr, seconds(step.actualSeconds) + (step.skipped ? ' (skipped)' : ''));
    cell(tr, step.rest ? '' : percent(step.peakIntensity));
    cell(tr, step.rest ? '' : percent(step.meanIntensity));
    cell(tr, step.rest ? '' : step.softer + ' / ' + step.harder);
    cell(tr, step.rest ? '' : pressureText(step.pressure));
    return tr;
  }));
  $('detail').scrollIntoView({ block: 'start' });
}

$('filter').addEventListener('submit', e => { e.preventDefault(); show(); });
load();
