import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSERS } from './count.js';

/** Every match of a parser must contain its hint, or skipping sentences without the hint would lose counts. */
function expectHintsHold(text: string): void {
  for (const parser of PARSERS) {
    if (!parser.hint) continue;
    parser.pattern.lastIndex = 0;
    for (let m = parser.pattern.exec(text); m; m = parser.pattern.exec(text)) {
      expect(parser.hint.test(m[0]), `${parser.rule}: hint not in ${JSON.stringify(m[0])}`).toBe(true);
      if (m[0].length === 0) parser.pattern.lastIndex++;
    }
  }
}

describe('count parser hints', () => {
  it('hold on text made of numbers, number words and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom('12', '1,200', '2.5', '23k', 'million', 'Fifty', 'two', 'hundred', 'and', 'a', 'an', 'dozen', 'A dozen', 'Some', 'between', 'From', 'to', '–', 'up to', 'about'),
      fc.constantFrom('prisoners', 'inmates', 'of them', ' ', ' ', '-', ','),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => expectHintsHold(pieces.join(' '))), { numRuns: 3000 });
  });

  const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', '..', '..', 'shared'));
  const dirs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs')).filter(existsSync);
  it.runIf(dirs.length > 0)('hold on every report of the shared corpus', () => {
    for (const dir of dirs) for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) expectHintsHold((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text);
  });
});
