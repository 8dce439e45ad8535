import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processReport } from '../src/pipeline/configuration.js';

const shared = resolve(import.meta.dirname, '..', '..', 'shared');

describe('no claim comes from page furniture (corpus)', () => {
  for (const set of ['seeds', 'dev']) {
    const dir = join(shared, 'corpus', set, 'docs');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      it(`${set}/${file}`, () => {
        const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
        const text: string = doc.text;
        const report = processReport({ meta: { id: doc.id, published: doc.published ?? undefined, language: doc.language }, original: Buffer.from(text), format: 'text', origin: file, decoded: text });
        for (const claim of report.claims) {
          expect(report.text.slice(claim.start, claim.end)).toBe(claim.quote);
          expect(claim.quote).not.toMatch(/Pokrovsk|newsletter|donation|Dear readers|Subscribe/iu);
        }
      });
    }
  }
});
