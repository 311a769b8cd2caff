// The "now" page: follows the daemon's event stream and shows the session in progress.
// Everything shown comes from the stream (a hello with the whole state, then one event per
// change, and a view event twice a second while a session runs); nothing polls. One module: the
// state and its drawing; the start form, the pain questions, the map and the voice live apart.
import { api, errorText } from './api.js';
import { BodyMap } from './bodymap.js';
import { Voice } from './voice.js';
import { StartPanel } from './start.js';
import { OutcomeForm } from './outcome.js';
import { percent, seconds, sideText, words } from './format.js';

const $ = id => document.getElementById(id);
const map = new BodyMap($('map'));
const voice = new Voice();
let startPanel = null;
const outcome = new OutcomeForm();

/** The engine's pressure advice (pressureAdvised events) in words. */
const ADVICE = { LIGHTER: 'press lighter', HOLD: 'hold this pressure', HARDER: 'press a little harder', NO_READING: '' };

const state = {
  connected: false, loggedIn: true, running: false, ended: false, link: 'up',
  view: null,        // the engine's last view (from hello and view events)
  step: null,        // the last stepStarted event: newer than the view for a moment after a change
  plan: null,        // the running session's steps, for "next"
  paused: null,      // pause reason while paused
  countdown: null,   // {seconds, kind, index, endsAt}
  report: null,      // the last session's report
  lastSession: null, // its id in the usage log, for the pain score after it
  battery: null, batteryLow: false, force: null, advice: null, notice: null,
};

// ---- the stream ----

function follow() {
  const events = new EventSource('/events');
  // One event the page cannot read (a field missing, a newer daemon's shape) must not stop the others.
  const on = (name, handler) => events.addEventListener(name, e => {
    try {
      handler(JSON.parse(e.data));
    } catch (err) {
      console.warn('Thrum: could not show the ' + name + ' event', err);
    }
    render();
  });
  events.onopen = () => { state.connected = true; render(); };
  events.onerror = () => { state.connected = false; render(); checkLogin(); };
  on('hello', hello);
  on('view', d => {
    if (state.ended) return; // a tick read just before the end must not bring the session back
    state.running = d.running;
    state.link = d.link;
    if (d.view) state.view = d.view;
    // pressure guidance (docs/pressure.md): band, advice in words, and the reading in the device's unit
    state.pressure = d.pressure || null;
    state.paused = d.view && d.view.state === 'PAUSED' ? (d.view.pauseReason || 'USER') : null;
    // a daemon with get-ready countdowns says how many seconds are left (null: none running)
    if (d.countdown === null) state.countdown = null;
    else if (typeof d.countdown === 'number' && d.view) {
      const kind = state.countdown ? state.countdown.kind : null;
      state.countdown = { seconds: d.countdown, kind, index: d.view.stepIndex, endsAt: performance.now() + d.countdown * 1000 };
    }
  });
  on('started', () => { Object.assign(state, { running: true, ended: false, report: null, notice: null, paused: null, step: null, view: null, batteryLow: false }); loadPlan(); });
  on('stepStarted', stepStarted);
  on('getReady', d => { state.countdown = { seconds: d.seconds, kind: d.kind, index: d.index, endsAt: performance.now() + d.seconds * 1000 }; });
  on('commanded', d => { if (state.countdown && d.command && d.command.value > 0) state.countdown = null; });
  on('paused', d => { state.paused = d.reason || 'USER'; state.countdown = null; if (d.reason && d.reason !== 'USER') voice.say('Paused: ' + words(d.reason)); });
  on('resumed', () => { state.paused = null; });
  on('adjusted', d => {
    if (state.view) state.view.targetIntensity = d.newTarget;
    if (state.step) state.step.target = d.newTarget;
    state.notice = d.limited ? { kind: 'info', text: d.direction === 'HARDER' ? 'At the cap for this region: it cannot go harder.' : 'At the lowest setting.' } : null;
  });
  on('warning', d => {
    state.notice = { kind: 'warning', text: d.message };
    if (d.code === 'BATTERY_LOW' || d.code === 'BATTERY_CRITICAL') state.batteryLow = true;
    voice.say(d.message);
  });
  on('pressureAdvised', d => {
    const said = ADVICE[d.advice];
    state.advice = said || null;
    if (said && d.advice !== 'HOLD') voice.say(said);
  });
  on('status', d => {
    if (d.status.battery != null) state.battery = d.status.battery;
    if (d.status.force != null) state.force = d.status.force;
  });
  // A lost link is not a stopped motor: Thrum keeps sending stop, but cannot know it arrived.
  on('linkDown', () => { state.link = 'down'; voice.say('Link to the massager lost. If the motor is still running, switch it off by hand.'); });
  on('linkUp', () => { state.link = 'up'; });
  on('linkChanged', d => { state.link = d.up ? 'up' : 'down'; });
  on('problem', d => { state.notice = { kind: 'problem', text: d.message }; });
  on('emergencyStop', d => {
    state.notice = state.link === 'down' ? { kind: 'problem', text: STOP_NOT_CONFIRMED }
      : { kind: 'info', text: 'Motor stopped (STOP).' };
  });
  on('finished', () => { Object.assign(state, { running: false, ended: true, countdown: null }); });
  on('sessionEnded', d => {
    Object.assign(state, { running: false, ended: true, report: d.report || d, lastSession: d.session || null, countdown: null, paused: null });
    voice.chime();
    voice.say('Session finished.');
    if (startPanel) startPanel.showPlan();
  });
}

function hello(d) {
  state.ended = false;
  state.running = d.running;
  state.link = d.link;
  state.view = d.view || null;
  state.report = d.lastReport || null;
  state.lastSession = d.lastSession || null;
  state.paused = d.view && d.view.state === 'PAUSED' ? (d.view.pauseReason || 'USER') : null;
  if (d.countdown != null && d.view) state.countdown = { seconds: d.countdown, index: d.view.stepIndex, endsAt: performance.now() + d.countdown * 1000 };
  $('device').textContent = d.device || '';
  if (d.running) loadPlan();
}

function stepStarted(d) {
  state.step = d;
  state.notice = null;
  if (state.countdown && state.countdown.index !== d.index) state.countdown = null;
  voice.chime();
  voice.say(d.rest ? 'Rest. ' + (d.cue || '') : d.regionName + (sideText(d.side) ? ', ' + sideText(d.side) : '') + '. ' + (d.cue || ''));
}

async function loadPlan() {
  try {
    state.plan = (await api('GET', '/session/plan')).plan;
    render();
  } catch (e) { /* the map still lights the current step */ }
}

// ---- what is shown ----

// The step on screen: the view's, unless a newer stepStarted arrived before the next view.
function current() {
  const v = state.view;
  const s = state.step;
  if (s && (!v || v.stepIndex !== s.index)) {
    return { index: s.index, regionId: s.regionId, regionName: s.regionName, side: s.side, rest: s.rest, cue: s.cue,
      target: s.target, cap: s.cap, remaining: s.duration, actual: null };
  }
  if (!v) return null;
  return { index: v.stepIndex, regionId: v.regionId, regionName: v.regionName, side: v.side, rest: v.rest, cue: v.cue,
    target: v.targetIntensity, cap: v.cap, remaining: v.stepRemaining, actual: v.commandedIntensity };
}

function nextRegionStep(index) {
  if (!state.plan) return null;
  return state.plan.steps.find(s => s.index > index && !s.rest) || null;
}

function render() {
  const loggedIn = state.loggedIn;
  $('login').hidden = loggedIn;
  $('now').hidden = !loggedIn || !state.running;
  $('start').hidden = !loggedIn || state.running;
  $('finished').hidden = !loggedIn || state.running || !state.report;
  renderState();
  renderBanner();
  if (!loggedIn) return;
  const c = state.running ? current() : null;
  const next = c ? nextRegionStep(c.index) : null;
  map.show(c && !c.rest ? c : null, next);
  if (c) {
    const count = state.view ? state.view.stepCount : (state.plan ? state.plan.steps.length : null);
    $('step-count').textContent = 'Step ' + (c.index + 1) + (count ? ' of ' + count : '');
    $('region').textContent = c.rest ? 'Rest' : c.regionName;
    $('side').textContent = c.rest ? '' : sideText(c.side);
    $('cue').textContent = c.cue || '';
    $('step-left').textContent = seconds(c.remaining);
    const v = state.view;
    $('session-left').textContent = v ? seconds(v.plannedDuration * (1 - v.overallProgress)) : '–';
    $('target').value = c.target || 0;
    $('target-text').textContent = percent(c.target) + ' (cap ' + percent(c.cap) + ')';
    $('actual').value = c.actual || 0;
    $('actual-text').textContent = c.actual == null ? '–' : percent(c.actual);
    $('next').textContent = next ? 'Next: ' + next.regionName + (sideText(next.side) ? ', ' + sideText(next.side) : '') : 'Last region';
  }
  const p = state.pressure;
  $('pressure-box').hidden = state.force == null && !p;
  if (p && p.wanted && p.newtons != null) {
    // the gauge in newtons with the band wanted now marked as its "good" range
    $('pressure').max = Math.max(p.wanted.high * 2, p.newtons * 1.1, 1);
    $('pressure').low = p.wanted.low;
    $('pressure').high = p.wanted.high;
    $('pressure').optimum = (p.wanted.low + p.wanted.high) / 2;
    $('pressure').value = p.newtons;
  } else if (state.force != null) {
    $('pressure').value = state.force;
  }
  $('pressure-text').textContent = p ? p.band + ' pressure' + (p.shown ? ': ' + p.shown + ' (device estimate)' : '')
      : state.force != null ? state.force + ' (device estimate)' : '';
  $('advice').textContent = p ? (p.advice === 'no-reading' ? (p.unit ? 'no force reading: aim for ' + p.band + ' pressure' : 'aim for ' + p.band + ' pressure') : p.words) : (state.advice || '');
  $('battery').textContent = state.battery == null ? '' : 'Battery ' + state.battery + '%';
  renderCountdown(c);
  renderControls();
  if (state.report && !state.running) renderReport(state.report);
  outcome.showFor(state.report && !state.running ? state.lastSession : null);
  // "usable with live data" for the benchmark (docs/benchmarks.md): the first render after the hello
  if (state.connected && !performance.getEntriesByName('thrum-live').length) performance.mark('thrum-live');
}

function renderState() {
  let text, key;
  if (!state.loggedIn) [text, key] = ['Not logged in', 'login'];
  else if (!state.connected) [text, key] = ['Connecting to Thrum…', 'offline'];
  else if (state.running && state.link === 'down') [text, key] = ['Link lost', 'link-lost'];
  else if (state.running && state.countdown) [text, key] = ['Get ready', 'get-ready'];
  else if (state.running && state.paused) [text, key] = ['Paused' + (state.paused === 'USER' ? '' : ': ' + words(state.paused)), 'paused'];
  else if (state.running) [text, key] = ['Running', 'running'];
  else if (state.report) [text, key] = ['Finished', 'finished'];
  else [text, key] = ['Ready', 'idle'];
  $('state').textContent = text;
  $('state').dataset.state = key;
  document.body.dataset.state = key;
}

function renderBanner() {
  const banner = $('banner');
  let text = null, kind = 'info';
  if (state.loggedIn && !state.connected) [text, kind] = ['No connection to the Thrum daemon; retrying. The session (if any) goes on; the massager stops on its own rules if the daemon goes away.', 'problem'];
  else if (state.running && state.link === 'down') [text, kind] = ['Link to the massager lost: the motor is commanded still, and Thrum keeps sending stop. If it still runs, switch it off by hand. Otherwise switch it on and bring it close; Thrum reconnects and ramps up gently.', 'problem'];
  else if (state.batteryLow || (state.battery != null && state.battery <= 15)) [text, kind] = ['Battery low' + (state.battery != null ? ' (' + state.battery + '%)' : '') + ': charge the massager soon.', 'warning'];
  else if (state.notice) [text, kind] = [state.notice.text, state.notice.kind];
  banner.hidden = text == null;
  banner.textContent = text || '';
  banner.dataset.kind = kind;
}

function renderCountdown(c) {
  const cd = state.running ? state.countdown : null;
  $('countdown').hidden = !cd;
  if (!cd) return;
  const left = Math.max(0, Math.ceil((cd.endsAt - performance.now()) / 1000));
  $('countdown-seconds').textContent = String(left);
  $('countdown-what').textContent = c && !c.rest ? c.regionName + (sideText(c.side) ? ', ' + sideText(c.side) : '') : '';
}

function renderControls() {
  const live = state.running && state.connected;
  for (const id of ['previous', 'softer', 'pause', 'harder', 'skip']) $(id).disabled = !live;
  $('pause').textContent = state.paused ? 'Resume' : 'Pause';
  $('pause').dataset.action = state.paused ? 'resume' : 'pause';
}

function renderReport(r) {
  $('report-title').textContent = (r.programName || r.programId || 'Session') + ': ' + words(r.outcome);
  const rows = [
    ['Active time', seconds(r.activeSeconds)],
    ['Paused', seconds(r.pausedSeconds)],
    ['Regions treated', r.steps ? String(r.steps.filter(s => !s.rest && s.actualSeconds > 0).length) + ' of ' + r.steps.filter(s => !s.rest).length : '–'],
    ['Interruptions', String(r.interruptions ?? 0)],
  ];
  $('report-rows').replaceChildren(...rows.map(([k, v]) => {
    const dt = document.createElement('dt'); dt.textContent = k;
    const dd = document.createElement('dd'); dd.textContent = v;
    return [dt, dd];
  }).flat());
  const warnings = r.warnings || [];
  $('report-warnings').replaceChildren(...warnings.map(w => { const li = document.createElement('li'); li.textContent = w; return li; }));
}

// ---- controls ----

async function control(action) {
  try {
    await api('POST', '/session/' + action);
  } catch (e) {
    state.notice = { kind: 'problem', text: errorText(e) };
    render();
  }
}

const STOP_NOT_CONFIRMED = 'STOP sent, but the massager is not answering, so Thrum cannot confirm it stopped.'
  + ' It may still be running: switch it off by hand.';

async function stop() {
  try {
    const answer = await api('POST', '/stop');
    if (answer && answer.confirmed === false) {
      state.notice = { kind: 'problem', text: STOP_NOT_CONFIRMED };
      render();
    }
  } catch (e) {
    state.notice = { kind: 'problem', text: 'STOP failed: ' + errorText(e) + ' Switch the massager off by hand.' };
    render();
  }
}

async function skipCountdown() {
  try {
    await api('POST', '/session/skip-countdown');
    state.countdown = null;
    render();
  } catch (e) { /* an older daemon without countdowns: nothing to skip */ }
}

function wireControls() {
  for (const id of ['previous', 'softer', 'harder', 'skip']) $(id).addEventListener('click', () => control(id));
  $('pause').addEventListener('click', () => control($('pause').dataset.action || 'pause'));
  $('stop').addEventListener('click', stop);
  $('skip-countdown').addEventListener('click', skipCountdown);
  document.addEventListener('keydown', e => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement;
    if (e.key === 'Escape') { e.preventDefault(); stop(); }
    // the focused button's own click on key-up sends the same action: a second pause or resume is a no-op
    else if (e.key === ' ' && !typing && state.running) { e.preventDefault(); control(state.paused ? 'resume' : 'pause'); }
    else if (e.key === 'Enter' && !typing && state.countdown) { e.preventDefault(); skipCountdown(); }
  });
  for (const kind of ['voice', 'chime']) {
    const box = $(kind + '-switch');
    box.checked = voice.enabled(kind);
    box.addEventListener('change', () => voice.setEnabled(kind, box.checked));
  }
  document.addEventListener('pointerdown', () => voice.unlock());
  $('logout').addEventListener('click', async () => { await api('POST', '/logout').catch(() => {}); location.reload(); });
}

// The stream cannot say why it failed; a 401 here means the cookie is missing or stale.
async function checkLogin() {
  try {
    await api('GET', '/session');
    state.loggedIn = true;
  } catch (e) {
    if (e.status === 401) state.loggedIn = false;
  }
  render();
}

// The countdown moves between events (step times come with the view events): redraw it on the page only.
function tick() {
  if (state.countdown) render();
}

async function main() {
  wireControls();
  const mapLoaded = map.load();
  try {
    await api('GET', '/session');
  } catch (e) {
    if (e.status === 401) { state.loggedIn = false; render(); return; }
  }
  await mapLoaded;
  follow();
  startPanel = new StartPanel();
  startPanel.load().catch(e => { $('start-error').textContent = errorText(e); });
  setInterval(tick, 1000);
}

main();
