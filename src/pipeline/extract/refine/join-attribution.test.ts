import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Claim, NamedValue } from '../../../domain/types.js';
import { claimOn, source } from './test-claims.js';
import { splitSentences, type Sentence } from '../../segment/sentences.js';
import { joinAttributionSentences, ONLY_ATTRIBUTION } from './join-attribution.js';

describe('joinAttributionSentences (English)', () => {
  it('runs the claim before an attribution-only sentence on over it, taking its sources', () => {
    const text = 'Forty prisoners were moved to a colony in Kursk. This was reported by Sirena.';
    const [claimSentence, attribution] = splitSentences(text);
    const [joined] = joinAttributionSentences(text, [claimOn(text, claimSentence)], [{ sentence: attribution, sources: [source('Sirena', 70)] }]);
    expect(joined.quote).toBe(text);
    expect(joined.end).toBe(text.length);
    expect(joined.sources.map((s) => s.name)).toEqual(['Sirena']);
  });

  it('leaves a claim alone when another sentence stands between it and the attribution', () => {
    const text = 'Forty prisoners were moved to Kursk. The weather was cold. This was reported by Sirena.';
    const [claimSentence, , attribution] = splitSentences(text);
    const [kept] = joinAttributionSentences(text, [claimOn(text, claimSentence)], [{ sentence: attribution, sources: [source('Sirena')] }]);
    expect(kept.end).toBe(claimSentence.end);
    expect(kept.sources).toEqual([]);
  });

  it('leaves claims alone for a sentence that does more than name a source', () => {
    const text = 'Forty prisoners were moved to Kursk. Sirena said ten more followed.';
    const [claimSentence, other] = splitSentences(text);
    const [kept] = joinAttributionSentences(text, [claimOn(text, claimSentence)], [{ sentence: other, sources: [source('Sirena')] }]);
    expect(kept.end).toBe(claimSentence.end);
  });

  it('joins as comparing every claim with the text between it and the sentence does, on any layout', () => {
    fc.assert(
      fc.property(layout(), ({ text, claims, candidates }) => {
        expect(joinAttributionSentences(text, claims, candidates)).toEqual(joinByCopies(text, claims, candidates));
      }),
    );
  });
});

/** Sentences (claims, attribution-only ones, others) joined by white space of any kind, with claims on some. */
function layout() {
  const sentences = fc.constantFrom('Ten men were moved.', 'Twenty women were recruited.', 'This was reported by Sirena.', 'Source: Mediazona', 'It rained.');
  const gaps = fc.constantFrom(' ', '  ', '\n', '\n\n', '\u00a0', '\t', ' \u2009');
  // Up to two claims a sentence (a sentence may report two types).
  return fc.array(fc.tuple(sentences, gaps, fc.nat({ max: 2 })), { minLength: 1, maxLength: 12 }).map((parts) => {
    const text = parts.map(([sentence, gap]) => `${sentence}${gap}`).join('');
    const found = splitSentences(text);
    const claims = found.flatMap((s, i) => (/reported|Source/u.test(s.text) ? [] : Array.from({ length: parts[i]?.[2] ?? 0 }, () => claimOn(text, s, [source('Earlier')]))));
    const candidates = found.filter((s) => /reported|Source/u.test(s.text)).map((sentence) => ({ sentence, sources: [source('Sirena'), source('Earlier')] }));
    return { text, claims, candidates };
  });
}

/** What joinAttributionSentences did before it read "just before" off the claims' ends: the text between each claim and the sentence copied and tested. */
function joinByCopies(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[]): Claim[] {
  const out = claims.map((c) => ({ ...c }));
  for (const { sentence, sources } of candidates) {
    if (!ONLY_ATTRIBUTION.test(sentence.text)) continue;
    const before = out.filter((c) => c.end <= sentence.start && !/\S/u.test(text.slice(c.end, sentence.start).replace(/[\s\u00a0]+/gu, '')));
    const last = before.length ? Math.max(...before.map((c) => c.end)) : -1;
    for (const claim of before.filter((c) => c.end === last)) {
      claim.end = sentence.end;
      claim.quote = text.slice(claim.start, claim.end);
      claim.sources = [...claim.sources, ...sources.filter((s) => !claim.sources.some((c) => c.name === s.name))];
    }
  }
  return out;
}
