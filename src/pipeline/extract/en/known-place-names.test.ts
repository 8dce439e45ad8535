import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultGazetteer } from '../../../knowledge/places/gazetteer.js';
import { splitSentences } from '../../segment/sentences.js';
import { escapeRegExp } from '../provenance.js';
import { DIRECTION_WORDS, KnownPlaceNames, REGION_WORD } from './known-place-names.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

const NAMES = defaultGazetteer()
  .names()
  .filter((n) => /^[A-Z]/.test(n));
/** The single expression KnownPlaceNames stands in for. */
const REFERENCE = compilePattern(`(?<![\\p{L}-])((?:(?:${DIRECTION_WORDS.join('|')}) )?)(${NAMES.map(escapeRegExp).join('|')})(?: ${REGION_WORD})?(?![\\p{L}])`, 'gu');
const known = new KnownPlaceNames(NAMES);

const shape = (m: RegExpMatchArray) => [m.index, m[0], m[1], m[2]];
const viaReference = (s: string) => [...s.matchAll(REFERENCE)].map(shape);
const viaIndex = (s: string) => [...known.matchAll(s)].map(shape);

describe('KnownPlaceNames', () => {
  it('builds its full expression under the 20,000 characters past which V8 never optimises a pattern', () => {
    // A much larger gazetteer would cross it: split the expression (as byStart does) before then.
    expect(REFERENCE.source.length).toBeLessThan(20_000);
  });

  it.each([
    ['Prisoners were moved from occupied Kherson to the Krasnodar region.', [[26, 'occupied Kherson', 'occupied ', 'Kherson'], [50, 'Krasnodar region', '', 'Krasnodar region']]],
    ['They ended up in southern Russia and in Rostov-on-Don.', [[17, 'southern Russia', 'southern ', 'Russia'], [40, 'Rostov-on-Don', '', 'Rostov-on-Don']]],
    ['a Russian-occupied Kherson', [[2, 'Russian-occupied Kherson', 'Russian-occupied ', 'Kherson']]],
    ['Khersonese and pre-Kherson and northerly are not names', []],
    ['', []],
  ])('finds the names in %j', (sentence, expected) => {
    expect(viaIndex(sentence)).toEqual(expected);
    expect(viaReference(sentence)).toEqual(expected);
  });

  it('matches as the single expression does, on text made of names, directions and noise', () => {
    const piece = fc.oneof(
      fc.constantFrom(...NAMES.slice(0, 400), ...NAMES.slice(-50)),
      fc.constantFrom(...DIRECTION_WORDS, 'region', 'Oblast', 'regional', 'krai', 'Republic'),
      fc.constantFrom(' ', ' ', ' ', '-', ',', '. ', 'ian', 's', '’s', 'é', 'Ж', 'x', 'Q', '1', '_', '\u0301', '𝒜'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const sentence = pieces.join('');
        expect(viaIndex(sentence)).toEqual(viaReference(sentence));
      }),
      { numRuns: 2000 },
    );
  });

  const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', '..', 'shared'));
  const docs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs')).filter(existsSync);
  it.runIf(docs.length > 0)('matches as the single expression does on every sentence of the shared corpus', () => {
    let sentences = 0;
    for (const dir of docs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const { text } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text: string };
        for (const s of splitSentences(text)) {
          const sentence = text.slice(s.start, s.end);
          expect(viaIndex(sentence), `${file}: ${sentence}`).toEqual(viaReference(sentence));
          sentences += 1;
        }
      }
    }
    expect(sentences).toBeGreaterThan(500);
  });
});
