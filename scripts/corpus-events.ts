/**
 * Groups the shared corpora (node --import tsx scripts/corpus-events.ts): ingests
 * ../shared/corpus/{seeds,dev}/docs into a temporary SQLite store (ingest groups as it goes) and
 * prints how many events there are, how many are told by more than one report, the copies found,
 * and the five largest events with their origins.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSources } from '../src/input/read-sources.js';
import { ingest } from '../src/services/ingest.service.js';
import { listCopies, listEvents } from '../src/services/group.service.js';
import { openStore } from '../src/store/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const dir = mkdtempSync(join(tmpdir(), 'etap-corpus-events-'));
const store = await openStore({ path: join(dir, 'corpus.db') });
try {
  const summary = await ingest(store, readSources(['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs'))));
  const { events, multiReport } = await store.events.count();
  const copies = await listCopies(store);
  const lines = [
    `reports: ${summary.counts.ingested} ingested, ${summary.counts.failed} failed; claims: ${summary.counts.claims}`,
    `copies: ${copies.length}${copies.map((c) => `\n  ${c.reportId} copies ${c.originalId} (similarity ${c.similarity.toFixed(2)})`).join('')}`,
    `events: ${events}; told by more than one report (copies counted once): ${multiReport}`,
    'five largest events (by reports, then independent origins, then claims):',
  ];
  for (const event of await listEvents(store, { limit: 5 })) {
    const time = event.time ? (event.time.start === event.time.end ? event.time.start : `${event.time.start}/${event.time.end}`) : 'undated';
    lines.push(`  ${event.id}  ${event.type}  ${time}  ${event.places.slice(0, 3).map((p) => p.name).join(', ') || '-'}`);
    lines.push(`    ${event.claims} claims, ${event.reports} reports (${event.reportIds.join(', ')}), ${event.independentOrigins} independent origin(s)`);
    for (const origin of event.origins) {
      lines.push(`    ${origin.independent ? '•' : '◦'} ${origin.name}${origin.via ? ` via ${origin.via.join(', ')}` : ''} [${origin.kind}]`);
    }
    for (const conflict of event.conflicts) lines.push(`    conflict (${conflict.slot}): ${conflict.sides.map((s) => `${s.value} — ${s.origins.join('; ')}`).join(' | ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
