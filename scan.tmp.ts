import { readFileSync, readdirSync } from 'node:fs';
import { findCounts } from './src/pipeline/extract/en/count/count.js';
import { findTimes } from './src/pipeline/extract/en/time/time.js';
const root = '/work/shared/corpus';
const which = process.argv[2];
for (const set of ['seeds', 'dev']) for (const f of readdirSync(`${root}/${set}/docs`)) {
  const doc = JSON.parse(readFileSync(`${root}/${set}/docs/${f}`, 'utf8'));
  if (doc.language !== 'en') continue;
  const t: string = doc.text;
  if (which === 'time') for (const m of findTimes(t, undefined, doc.published ?? undefined)) console.log(f, doc.published, JSON.stringify(m.text), m.start, m.end, m.rule, '|', t.slice(Math.max(0, m.span.start - 40), m.span.end + 30).replace(/\n/g, ' '));
  else for (const m of findCounts(t)) console.log(f, JSON.stringify(m.text), m.value ?? '', m.min ?? '', m.max ?? '', m.vague ?? '', m.head?.word ?? '-', '|', t.slice(Math.max(0, m.span.start - 30), m.span.end + 30).replace(/\n/g, ' '));
}
