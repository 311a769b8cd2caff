// The devices page: the massager the daemon drives (live: link, battery, firmware), a scan for what
// could be reached from here, and the default device in config.json. Every name and address comes
// from a device or the file system, so it goes into the page as text only (textContent).
import { api, ApiError, errorText } from './api.js';

const $ = id => document.getElementById(id);
const POLL_MS = 5000;
const LINK_WORDS = {
  connected: 'Connected',
  reconnecting: 'Reconnecting: the link is down and Thrum keeps trying. The motor is commanded still; if it runs, switch it off by hand.',
  lost: 'Lost: the massager stayed unreachable; the daemon is giving up. Switch the massager off by hand if it still runs.',
};

function node(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text != null) e.textContent = text;
  return e;
}

function status(text) { $('devices-status').textContent = text; $('devices-status').hidden = !text; }

function showCurrent(d) {
  $('cur-device').textContent = d.device + (d.describe && d.describe !== d.device ? ' (' + d.describe + ')' : '');
  $('cur-profile').textContent = d.profile ? d.profile.name + ' (' + d.profile.id + ')' : 'unknown';
  $('cur-link').textContent = LINK_WORDS[d.link] || d.link;
  if (d.linkReason) $('cur-link').textContent += ' (' + d.linkReason + ')';
  $('cur-link').dataset.link = d.link;
  showBattery(d.battery);
  $('cur-firmware').textContent = d.firmware || 'not reported';
  $('cur-session').textContent = d.sessionRunning ? 'a session is running' : 'none running';
  // the daemon refuses a Bluetooth scan during a session (docs/web.md): say so before anyone tries
  $('scan-ble').disabled = d.sessionRunning;
  $('scan-ble-note').textContent = d.sessionRunning ? 'Bluetooth scans wait until the session has ended.' : '';
  const def = d.default;
  $('default-file').textContent = def.file;
  if (document.activeElement !== $('default-device') && !$('default-device').dataset.edited) $('default-device').value = def.device || '';
  if (def.error) note('config.json cannot be read: ' + def.error, true);
  else if (!def.set) note('No default device is set, so the daemon starts on the simulator (sim) unless it is given --device. It uses ' + d.device + ' now.', false);
  else if (def.restartNeeded) note('The default is ' + def.device + '; the daemon uses ' + d.device + ' until it restarts (systemctl --user restart thrum).', true);
  else note('The daemon uses the default device.', false);
}

function showBattery(percent) {
  if (percent == null) { if (!$('cur-battery').dataset.known) $('cur-battery').textContent = 'not reported'; return; }
  $('cur-battery').dataset.known = 'yes';
  $('cur-battery').textContent = percent + '%' + (percent <= 15 ? ' (low: charge the massager soon)' : '');
}

function note(text, restart) {
  $('default-note').textContent = text;
  $('default-note').dataset.restart = String(restart);
}

let unreachable = false;

async function refresh() {
  try {
    showCurrent(await api('GET', '/devices/current'));
    if (unreachable) status('');
    unreachable = false;
  } catch (e) {
    unreachable = true;
    if (e instanceof ApiError && e.status === 401) status('Not logged in: open Thrum with "thrum open" first.');
    else {
      status('The daemon is not answering: it may have stopped (for example because the massager stayed unreachable). ' + errorText(e));
      $('cur-link').textContent = 'Unknown: the daemon is not answering';
      $('cur-link').dataset.link = 'unreachable';
    }
  }
}

function listen() {
  const events = new EventSource('/events');
  events.addEventListener('status', m => {
    const s = JSON.parse(m.data).status || {};
    if (s.battery != null) showBattery(s.battery);
    if (s.firmware != null) $('cur-firmware').textContent = s.firmware;
  });
  for (const name of ['linkDown', 'linkUp', 'started', 'sessionEnded']) events.addEventListener(name, refresh);
}

function useButton(spec, label, enabled) {
  const b = node('button', { type: 'button', 'aria-label': label }, 'Use as default');
  b.disabled = !enabled;
  b.addEventListener('click', () => { $('default-device').value = spec(); saveDefault(); });
  return b;
}

function serialRow(p, i) {
  const tr = node('tr', { id: 'serial-' + i });
  tr.append(node('td', {}, p.path));
  tr.append(node('td', {}, [p.usbId, p.manufacturer, p.product].filter(Boolean).join(' ') || '–'));
  tr.append(node('td', {}, p.stableNames.join(', ') || '–'));
  const td = node('td');
  let select = null;
  if (p.profiles.length === 0) td.textContent = 'none fits';
  else {
    select = node('select', { id: 'serial-profile-' + i, 'aria-label': 'Profile for ' + p.path });
    for (const m of p.profiles) select.append(node('option', { value: m.id }, m.id + (m.strength ? ' (' + m.strength + ')' : '')));
    td.append(select);
  }
  tr.append(td);
  const cell = node('td');
  cell.append(useButton(() => 'serial:' + p.preferredName + '@' + select.value, 'Use ' + p.path + ' as the default device', !!select));
  tr.append(cell);
  return tr;
}

function bleRow(d, i) {
  const tr = node('tr', { id: 'ble-' + i });
  tr.append(node('td', {}, d.name || '(no name)'), node('td', {}, d.address), node('td', {}, d.rssi ? d.rssi + ' dBm' : '–'),
    node('td', {}, d.profile || 'no profile fits'));
  const cell = node('td');
  cell.append(useButton(() => 'ble:' + d.address, 'Use ' + (d.name || d.address) + ' as the default device', !!d.profile));
  tr.append(cell);
  return tr;
}

async function scan() {
  $('err-scan').textContent = '';
  const body = { serial: $('scan-serial').checked, ble: $('scan-ble').checked && !$('scan-ble').disabled };
  const seconds = Number($('scan-seconds').value);
  if ($('scan-seconds').value.trim() !== '') body.seconds = isFinite(seconds) ? seconds : $('scan-seconds').value;
  $('scan').disabled = true;
  $('scan-form').setAttribute('aria-busy', 'true');
  $('scan-state').textContent = body.ble ? 'Scanning for Bluetooth devices for ' + (body.seconds || 5) + ' s…' : 'Listing serial ports…';
  try {
    const r = await api('POST', '/devices/scan', body);
    $('serial-rows').replaceChildren(...(r.serial ? r.serial.ports.map(serialRow) : []));
    $('serial-message').textContent = r.serial ? (r.serial.message || r.serial.ports.length + ' found.') : 'Not listed.';
    $('ble-rows').replaceChildren(...(r.ble ? r.ble.devices.map(bleRow) : []));
    $('ble-message').textContent = r.ble ? (r.ble.message || r.ble.devices.length + ' seen.') : 'Not scanned.';
    $('scan-state').textContent = 'Scan finished.';
  } catch (e) {
    $('err-scan').textContent = errorText(e).replace(/^POST \/devices\/scan( \(\$\.\w+\))?: /, '');
    $('scan-state').textContent = '';
  } finally {
    $('scan').disabled = false;
    $('scan-form').removeAttribute('aria-busy');
  }
}

async function saveDefault() {
  $('err-default-device').textContent = '';
  $('default-device').classList.remove('invalid');
  try {
    const r = await api('PUT', '/devices/default', { device: $('default-device').value });
    delete $('default-device').dataset.edited;
    status(r.message);
    await refresh();
  } catch (e) {
    $('err-default-device').textContent = errorText(e).replace(/^PUT \/devices\/default \(\$\.device\): /, '');
    $('default-device').classList.add('invalid');
    $('default-device').focus();
  }
}

$('scan-form').addEventListener('submit', e => { e.preventDefault(); scan(); });
$('default-form').addEventListener('submit', e => { e.preventDefault(); saveDefault(); });
$('default-device').addEventListener('input', () => { $('default-device').dataset.edited = 'yes'; });
refresh().then(listen);
setInterval(refresh, POLL_MS);
