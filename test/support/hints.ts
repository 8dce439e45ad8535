import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';

/** A parser whose pattern every match of which must contain its hint (time and count parsers). */
interface HintedParser {
  rule: string;
  pattern: RegExp;
  hint?: RegExp;
}

/** Every match of each parser contains its hint, or skipping text without the hint would lose matches. */
export function expectHintsHold(parsers: readonly HintedParser[], text: string): void {
  for (const parser of parsers) {
    if (!parser.hint) continue;
    parser.pattern.lastIndex = 0;
    for (let m = parser.pattern.exec(text); m; m = parser.pattern.exec(text)) {
      expect(parser.hint.test(m[0]), `${parser.rule}: hint ${parser.hint} not in ${JSON.stringify(m[0])}`).toBe(true);
      if (m[0].length === 0) parser.pattern.lastIndex++;
    }
  }
}

/** Checks the hints on text made of `pieces` joined by spaces (fast-check, 3,000 runs). */
export function checkHintsOnPieces(parsers: readonly HintedParser[], piece: fc.Arbitrary<string>): void {
  fc.assert(fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => expectHintsHold(parsers, pieces.join(' '))), { numRuns: 3000 });
}

/** The texts of the shared corpus reports (seeds and dev), or none when ../shared is not there. */
export function sharedCorpusTexts(): string[] {
  const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared'));
  const dirs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs')).filter(existsSync);
  return dirs.flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.json')).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }).text));
}
