// After a session: "Pain now (0-10)" again and an optional note, sent to POST /session/outcome for
// the session that just ended (by its id). Optional: nothing is sent unless the person answers, the
// form sits in the page (never over the controls), and STOP and Escape keep working beside it.
import { api, errorText } from './api.js';
import { PainScale } from './pain.js';

const $ = id => document.getElementById(id);

export class OutcomeForm {
  constructor() {
    this.session = undefined;
    this.scale = new PainScale($('pain-after'), 'pain-after');
    $('outcome-form').addEventListener('submit', e => { e.preventDefault(); this.save(); });
  }

  /** Shows the questions for this session (its usage-log id); a new session clears the answers. */
  showFor(session) {
    $('outcome-form').hidden = !session;
    if (session === this.session) return;
    this.session = session;
    $('outcome-form').dataset.session = session || '';
    this.scale.reset();
    $('outcome-note').value = '';
    $('outcome-status').textContent = '';
  }

  async save() {
    const body = { session: this.session };
    const score = this.scale.value();
    const note = $('outcome-note').value.trim();
    if (score != null) body.painAfter = score;
    if (note) body.note = note;
    const status = $('outcome-status');
    status.dataset.kind = 'info';
    if (score == null && !note) {
      status.textContent = 'Nothing to save: choose a score or write a note (or just leave these questions).';
      return;
    }
    try {
      await api('POST', '/session/outcome', body);
      status.textContent = 'Saved: ' + [score != null ? 'pain ' + score + ' of 10' : null, note ? 'the note' : null].filter(Boolean).join(' and ') + '.';
    } catch (e) {
      status.dataset.kind = 'problem';
      status.textContent = 'Not saved: ' + errorText(e);
    }
  }
}
