// How numbers read on the page.
export function percent(x) { return x == null ? '–' : Math.round(x * 100) + '%'; }

export function seconds(s) {
  if (s == null || !isFinite(s)) return '–';
  const total = Math.max(0, Math.round(s));
  const m = Math.floor(total / 60);
  const r = total % 60;
  return m + ':' + String(r).padStart(2, '0');
}

export function sideText(side) {
  if (side === 'LEFT') return 'left side';
  if (side === 'RIGHT') return 'right side';
  return '';
}

export function words(constant) { return constant ? constant.toLowerCase().replace(/_/g, ' ') : ''; }
