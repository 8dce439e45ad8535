import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import triggers from '../../knowledge/lexicons/en/triggers.json' with { type: 'json' };
import { splitSentences } from '../segment/sentences.js';
import { wordsPattern } from './provenance.js';
import { literalPrefixes, LiteralPrefilter } from './literal-prefilter.js';

describe('literalPrefixes', () => {
  it.each([
    ['recruit(?:s|ed)?', ['recruit']],
    ['(?:sign(?:s|ed|ing)? up|signing up)', ['sign', 'signing up']],
    ['(?:train|convoy)s?', ['train', 'convoy']],
    ['prisoners? of war', ['prisoner']],
    ['storm[- ]?[zv]', ['storm']],
    ['(?:will|would) no longer', ['will no longer', 'would no longer']],
    ['\\w+ recruits', null],
    ['(?:a )?colony', null],
    ['(?:colony|\\d+ prisoners)', null],
    ['[Cc]olony', ['colony']],
    ['(?:were|are) (?:kept|held) in', ['were kept in', 'were held in', 'are kept in', 'are held in']],
    ['r[io]se', ['rise', 'rose']],
    ['[^a]colony', null],
  ])('%s → %j', (source, expected) => {
    expect(literalPrefixes(source)).toEqual(expected);
  });
});

const PATTERNS = triggers.triggers.map((t) => t.pattern);
const REGEXES = PATTERNS.map((p) => wordsPattern([p], 'iu'));
const prefilter = new LiteralPrefilter(PATTERNS);

/** Every trigger that matches must be among the candidates. */
function expectSuperset(sentence: string): void {
  const may = prefilter.candidates(sentence);
  REGEXES.forEach((re, i) => {
    if (re.test(sentence)) expect(may[i], `trigger ${i} (${PATTERNS[i]}) on ${JSON.stringify(sentence)}`).toBe(true);
  });
}

describe('LiteralPrefilter over the English triggers', () => {
  it('never skips a trigger that matches, on text made of trigger words and noise', () => {
    const words = [...new Set(PATTERNS.flatMap((p) => p.match(/[\p{L}’']+/gu) ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...words),
      fc.constantFrom(...words).map((w) => w.toUpperCase()),
      fc.constantFrom(' ', ' ', ' ', '-', ', ', '. ', 's', 'ed', '’', 'é', 'ſ', '1,200 '),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => expectSuperset(pieces.join(''))), { numRuns: 3000 });
  });

  it('skips triggers whose words are absent', () => {
    const may = prefilter.candidates('The weather was mild.');
    const recruit = PATTERNS.indexOf('recruit(?:s|ed|ing|ment|ers?)?');
    expect(may[recruit]).toBe(false);
    expect(prefilter.candidates('They RECRUITED inmates.')[recruit]).toBe(true);
  });

  const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', '..', 'shared'));
  const dirs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs')).filter(existsSync);
  it.runIf(dirs.length > 0)('never skips a trigger that matches, on every sentence of the shared corpus', () => {
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const { text } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { text: string };
        for (const s of splitSentences(text)) expectSuperset(text.slice(s.start, s.end));
      }
    }
  });
});
