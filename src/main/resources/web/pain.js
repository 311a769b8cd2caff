// The pain questions' controls (docs/plans.md, "Pain and outcome"): a 0-10 numeric rating scale as
// eleven radio buttons plus "Skip", which is chosen until the person answers, and where it hurts as
// a box per region. Native radios and check boxes, so arrow keys, Space and screen readers just work.

/** Fills a fieldset (which has its legend) with Skip, 0 ... 10; `name` prefixes every id. */
export class PainScale {
  constructor(fieldset, name) {
    this.name = name;
    const row = document.createElement('div');
    row.className = 'nrs-row';
    const choices = [['skip', 'Skip']].concat([...Array(11).keys()].map(n => [String(n), String(n)]));
    for (const [value, text] of choices) {
      const input = document.createElement('input');
      Object.assign(input, { type: 'radio', name, value, id: name + '-' + value, checked: value === 'skip' });
      const label = document.createElement('label');
      label.htmlFor = input.id;
      label.textContent = text;
      if (value === '0') label.title = 'no pain';
      if (value === '10') label.title = 'the worst pain imaginable';
      row.append(input, label);
    }
    fieldset.append(row);
    this.fieldset = fieldset;
    // Enter on a score must not submit the form around it: answering a question never starts the motor
    row.addEventListener('keydown', e => { if (e.key === 'Enter') e.preventDefault(); });
  }

  /** The score chosen, or null when skipped. */
  value() {
    const chosen = this.fieldset.querySelector('input[name="' + this.name + '"]:checked');
    return chosen && chosen.value !== 'skip' ? Number(chosen.value) : null;
  }

  reset() { this.fieldset.querySelector('#' + this.name + '-skip').checked = true; }
}

/**
 * A check box per region (by its name), for "where it hurts"; the blocked ones are not offered.
 * The boxes sit in a closed <details> so a person who skips never scrolls past them; its summary
 * names what is ticked, so nothing chosen is hidden.
 */
export class PainRegions {
  constructor(container, chosen) {
    this.container = container;
    this.chosen = chosen;
    container.addEventListener('change', () => this.summarise());
  }

  summarise() {
    const names = [...this.container.querySelectorAll('input:checked')].map(b => b.parentElement.textContent.trim());
    this.chosen.textContent = names.length ? names.join(', ') : 'optional; open to tick regions';
  }

  show(regions) {
    const keep = new Set(this.value());
    this.container.replaceChildren(...regions.filter(r => !r.blocked).map(r => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      Object.assign(box, { type: 'checkbox', value: r.id, id: 'pain-region-' + r.id, checked: keep.has(r.id) });
      label.append(box, ' ' + r.name);
      return label;
    }));
  }

  /** The ids ticked, in catalogue order. */
  value() { return [...this.container.querySelectorAll('input:checked')].map(b => b.value); }

  reset() {
    for (const b of this.container.querySelectorAll('input:checked')) b.checked = false;
    const folder = this.container.closest('details');
    if (folder) folder.open = false;
    this.summarise();
  }
}
