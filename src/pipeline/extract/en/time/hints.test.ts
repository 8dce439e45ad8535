import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARSERS } from './time.js';

/** Every match of a parser must contain its hint, or skipping sentences without the hint would lose times. */
function expectHintsHold(text: string): void {
  for (const parser of PARSERS) {
    if (!parser.hint) continue;
    parser.pattern.lastIndex = 0;
    for (let m = parser.pattern.exec(text); m; m = parser.pattern.exec(text)) {
      expect(parser.hint.test(m[0]), `${parser.rule}: hint ${parser.hint} not in ${JSON.stringify(m[0])}`).toBe(true);
      if (m[0].length === 0) parser.pattern.lastIndex++;
    }
  }
}

describe('time parser hints', () => {
  it('every parser but none has a hint', () => {
    expect(PARSERS.filter((p) => !p.hint).map((p) => p.rule)).toEqual([]);
  });

  it('hold on text made of time words, numbers and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom('January', 'May', 'Sept.', 'Dec', 'spring', 'Winter', 'fall', 'Monday', 'today', 'Yesterday', 'week', 'month', 'year', 'ago'),
      fc.constantFrom('last', 'this', 'This past', 'earlier', 'in', 'In', 'since', 'from', 'between', 'and', 'to', 'the end of', 'early', 'mid-', 'of', 'on', 'a', 'two', 'three'),
      fc.constantFrom('2022', '2023', '1999', '15', '3rd', '2023-03-01', '–', '-', '/', ','),
      fc.constantFrom(' ', ' ', ' ', '. '),
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
