// The body map: the shipped SVG put into the page so its regions can be lit by class.
// Each region is a shape with data-region and data-side (LEFT, RIGHT or NONE).
export class BodyMap {
  constructor(container) {
    this.container = container;
    this.svg = null;
  }

  async load() {
    const response = await fetch('/app/body.svg', { credentials: 'same-origin' });
    const text = await response.text();
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    this.svg = document.importNode(parsed.documentElement, true);
    this.container.replaceChildren(this.svg);
  }

  // current, next: {regionId, side} or null. A step with side NONE lights every shape of its region.
  show(current, next) {
    if (!this.svg) return;
    for (const shape of this.svg.querySelectorAll('.region')) {
      shape.classList.toggle('now', matches(shape, current));
      shape.classList.toggle('next', !matches(shape, current) && matches(shape, next));
    }
  }
}

function matches(shape, step) {
  if (!step || !step.regionId) return false;
  if (shape.dataset.region !== step.regionId) return false;
  return !step.side || step.side === 'NONE' || shape.dataset.side === 'NONE' || shape.dataset.side === step.side;
}
