// One session of GET /log/history in words, for the history page: its pain scores and note, and
// the minutes it spent on each region. Plain text only: the page puts it in with textContent.

/** "6 → 3" (before → after), "6 → –" when only one was given, '' when neither. */
export function painChange(s) {
  if (s.painBefore == null && s.painAfter == null) return '';
  const score = v => v == null ? '–' : String(v);
  return score(s.painBefore) + ' → ' + score(s.painAfter);
}

/** "Pain 6 → 3 of 10 (before: Lower back). Note: easier to sit", or '' without scores or note. */
export function painLine(s) {
  const parts = [];
  const change = painChange(s);
  if (change) parts.push('Pain ' + change + ' of 10' + (s.painRegions && s.painRegions.length ? ' (where it hurt before: ' + s.painRegions.join(', ') + ')' : '') + '.');
  else if (s.painRegions && s.painRegions.length) parts.push('Where it hurt before: ' + s.painRegions.join(', ') + '.');
  if (s.note) parts.push('Note: ' + s.note);
  return parts.join(' ');
}

/** "Hamstrings (back of the thigh) 1.0 min, Calves 0.5 min": treated minutes per region (sides together), in step order. */
export function regionMinutes(s) {
  const minutes = new Map();
  for (const step of s.steps || []) {
    if (step.rest || !(step.actualSeconds > 0)) continue;
    minutes.set(step.region, (minutes.get(step.region) || 0) + step.actualSeconds / 60);
  }
  return [...minutes].map(([region, m]) => region + ' ' + m.toFixed(1) + ' min').join(', ');
}
