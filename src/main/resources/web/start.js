// Starting a program from the page: pick program, client and device, see the plan with its
// effective caps, confirm a client's condition warnings (as 'thrum run' asks), answer the optional
// pain questions (score and where it hurts, sent with the start), then start.
import { api, errorText } from './api.js';
import { percent, seconds, sideText } from './format.js';
import { PainRegions, PainScale } from './pain.js';

const $ = id => document.getElementById(id);

export class StartPanel {
  constructor() {
    this.plan = null;
    this.painBefore = new PainScale($('pain-before'), 'pain-before');
    this.painRegions = new PainRegions($('pain-regions'), $('pain-where-chosen'));
    $('program').addEventListener('change', () => this.showPlan());
    $('client').addEventListener('change', () => this.showPlan());
    $('confirm').addEventListener('change', () => this.updateButton());
    $('start-form').addEventListener('submit', e => { e.preventDefault(); this.start(); });
  }

  async load() {
    const [programs, clients, devices, regions] = await Promise.all([api('GET', '/programs'), api('GET', '/clients'), api('GET', '/devices'), api('GET', '/regions')]);
    this.painRegions.show(regions.regions);
    fill($('program'), programs.programs.map(p => [p.id, p.name + ' (' + Math.round(p.minutes) + ' min)']));
    fill($('client'), [['', 'No client (just me)']].concat(clients.clients.map(c => [c.id, c.name])));
    fill($('device-choice'), devices.devices.map(d => [d.device, d.describe + (d.link === 'up' ? '' : ' (not connected)')]));
    await this.showPlan();
  }

  async showPlan() {
    const program = $('program').value;
    if (!program) return;
    const client = $('client').value;
    $('start-error').textContent = '';
    try {
      this.plan = await api('GET', '/plan?program=' + encodeURIComponent(program) + (client ? '&client=' + encodeURIComponent(client) : ''));
    } catch (e) {
      this.plan = null;
    this.painBefore = new PainScale($('pain-before'), 'pain-before');
    this.painRegions = new PainRegions($('pain-regions'), $('pain-where-chosen'));
      $('start-error').textContent = errorText(e);
      $('plan').hidden = true;
      $('plan-table').hidden = true;
      this.updateButton();
      return;
    }
    const rows = this.plan.steps.map(s => {
      const tr = document.createElement('tr');
      const cells = s.rest
        ? [String(s.index + 1), 'Rest', '', seconds(s.duration), '', '']
        : [String(s.index + 1), s.regionName, sideText(s.side), seconds(s.duration), percent(s.target), percent(s.cap)];
      for (const text of cells) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    });
    $('plan-steps').replaceChildren(...rows);
    $('plan-summary').textContent = this.plan.programName + (this.plan.clientName ? ' for ' + this.plan.clientName : '')
      + ': ' + this.plan.steps.length + ' steps, ' + seconds(this.plan.plannedDuration) + '.';
    list($('plan-notes'), this.plan.notes);
    list($('confirmations'), this.plan.confirmations);
    $('confirm-box').hidden = this.plan.confirmations.length === 0;
    $('confirm').checked = false;
    $('plan').hidden = false;
    $('plan-table').hidden = false;
    this.updateButton();
  }

  updateButton() {
    const needsConfirm = this.plan && this.plan.confirmations.length > 0;
    $('start-button').disabled = !this.plan || (needsConfirm && !$('confirm').checked);
  }

  async start() {
    const body = { program: $('program').value };
    if ($('client').value) body.client = $('client').value;
    if ($('device-choice').value) body.device = $('device-choice').value;
    if (this.plan && this.plan.confirmations.length > 0) body.confirmed = $('confirm').checked;
    // skipped questions are left out, so the session's record has no pain fields at all
    const score = this.painBefore.value(), where = this.painRegions.value();
    if (score != null) body.painBefore = score;
    if (where.length) body.painRegions = where;
    $('start-button').disabled = true;
    try {
      await api('POST', '/sessions', body);
      $('start-error').textContent = '';
      // the answers belonged to this session: the next one asks afresh
      this.painBefore.reset();
      this.painRegions.reset();
    } catch (e) {
      $('start-error').textContent = errorText(e);
      if (e.data && e.data.problems) list($('confirmations'), e.data.problems);
    } finally {
      this.updateButton();
    }
  }
}

function fill(select, options) {
  const keep = select.value;
  select.replaceChildren(...options.map(([value, text]) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }));
  if (options.some(([value]) => value === keep)) select.value = keep;
}

function list(ul, items) {
  ul.replaceChildren(...items.map(text => {
    const li = document.createElement('li');
    li.textContent = text;
    return li;
  }));
  ul.hidden = items.length === 0;
}
