// The history page's pain figures: GET /log/outcomes for the same filter, in one sentence (the
// figures of 'thrum log outcomes': mean change of the sessions with both scores, and the trend of
// the score before sessions, in points a week).
import { api, errorText } from './api.js';

export async function showPainFigures(query, element) {
  try {
    element.textContent = painFigures(await api('GET', '/log/outcomes?' + query));
  } catch (e) {
    element.textContent = 'Pain scores: ' + errorText(e);
  }
}

export function painFigures(o) {
  if (!o.sessions.length) return 'Pain scores: none given in these sessions.';
  const both = o.sessions.filter(s => s.painBefore != null && s.painAfter != null);
  const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
  const signed = x => (x > 0 ? '+' : '') + x.toFixed(1);
  let text = 'Pain (0 none, 10 worst): scores in ' + o.sessions.length + (o.sessions.length === 1 ? ' session' : ' sessions') + '; ';
  text += both.length
    ? 'with both scores (' + both.length + '), before → after ' + mean(both.map(s => s.painBefore)).toFixed(1) + ' → '
      + mean(both.map(s => s.painAfter)).toFixed(1) + ', change ' + signed(mean(both.map(s => s.change))) + '.'
    : 'none with both scores yet.';
  const t = o.trendPerWeek;
  text += t == null ? ' Trend: needs scores before sessions in at least two weeks.'
    : ' Trend of the score before sessions: ' + (t > 0 ? '+' : '') + t.toFixed(2) + ' points a week ('
      + (t < -0.05 ? 'going down' : t > 0.05 ? 'going up' : 'about level') + ').';
  return text;
}
