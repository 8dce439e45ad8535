import { readFileSync, readdirSync } from 'node:fs';
import { findCounts } from './src/pipeline/extract/en/count/count.js';
import { findChanges } from './src/pipeline/extract/en/count/change.js';
import { findTimes } from './src/pipeline/extract/en/time/time.js';
const root = '/work/shared/corpus';
let cTot = 0, cOk = 0, tTot = 0, tOk = 0, chTot = 0, chOk = 0;
const edge = (s: string, upper: boolean) => { const m = s.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/)!; const y = +m[1]; const mo = m[2] ? +m[2] - 1 : upper ? 11 : 0; const d = m[3] ? +m[3] : upper ? new Date(Date.UTC(y, mo + 1, 0)).getUTCDate() : 1; return Date.UTC(y, mo, d) / 864e5; };
const iv = (s: string, e: string) => [edge(s, false), edge(e, true)];
const same = (g: string, s: string, e: string) => { const [gs, ge] = g.split('/'); const a = iv(gs, ge ?? gs); const b = iv(s, e); return a[0] <= b[1] && b[0] <= a[1] && b[1] - b[0] <= 2 * (a[1] - a[0]) + 1; };
for (const set of ['seeds', 'dev']) for (const f of readdirSync(`${root}/${set}/gold`)) {
  const gold = JSON.parse(readFileSync(`${root}/${set}/gold/${f}`, 'utf8'));
  const doc = JSON.parse(readFileSync(`${root}/${set}/docs/${f}`, 'utf8'));
  if (doc.language !== 'en') continue;
  for (const c of gold.claims) {
    const q: string = c.quote;
    if (c.count && !c.count.vague) {
      cTot++;
      const counts = findCounts(q);
      const changes = findChanges(q);
      const hit = counts.some(m => ['value','min','max'].every(k => (m as any)[k] === c.count[k]));
      if (hit) cOk++; else console.log('COUNT MISS', f, JSON.stringify(c.count), '|', q.slice(0, 160), '=>', JSON.stringify(counts.map(m => [m.text, m.value, m.min, m.max])));
      if (c.change) { chTot++; const ok = changes.some(ch => ch.change === c.change && ch.count.value === c.count.value); if (ok) chOk++; else console.log('CHANGE MISS', f, c.change, c.count.value, '|', q.slice(0,140)); }
    }
    if (c.time) {
      tTot++;
      const times = findTimes(q, undefined, gold.published ?? doc.published ?? undefined);
      const hit = times.some(t => same(c.time, t.start, t.end));
      if (hit) tOk++; else console.log('TIME MISS', f, gold.published, c.time, '|', q.slice(0, 200), '=>', JSON.stringify(times.map(t => [t.text, t.start, t.end])));
    }
  }
}
console.log({ cOk, cTot, chOk, chTot, tOk, tTot });
