import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Claim, NamedValue } from '../../../domain/types.js';
import { claimOn, source } from '../refine/test-claims.js';
import { paragraphAt, splitSentences, type Sentence } from '../../segment/sentences.js';
import { joinAttributionSentences } from './join-attribution.js';

/** Attribution-only sentences, as the languages' patterns have them (a stand-in for the lexicon's). */
const ONLY = /^(?:Об этом сообщ|Про це повідом)/u;

function join(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[]) {
  const sentences = splitSentences(text);
  return joinAttributionSentences(text, claims, candidates, ONLY, (offset) => paragraphAt(sentences, offset));
}

describe('joinAttributionSentences (Russian and Ukrainian)', () => {
  it('runs the last claim of the paragraph on over the attribution sentence', () => {
    const text = 'В колонии завербовали сто заключённых. Их отправили на фронт. Об этом сообщает «Сирена».';
    const [first, second, attribution] = splitSentences(text);
    const [a, b] = join(text, [claimOn(text, first, [], 'recruitment'), claimOn(text, second, [], 'recruitment')], [{ sentence: attribution, sources: [source('Сирена')] }]);
    expect(a.end).toBe(first.end);
    expect(b.quote).toBe(text.slice(second.start));
    expect(b.sources.map((s) => s.name)).toEqual(['Сирена']);
  });

  it('does not reach into the paragraph before', () => {
    const text = 'В колонии завербовали сто заключённых.\n\nОб этом сообщает «Сирена».';
    const [claimSentence, attribution] = splitSentences(text);
    const [kept] = join(text, [claimOn(text, claimSentence, [], 'recruitment')], [{ sentence: attribution, sources: [source('Сирена')] }]);
    expect(kept.end).toBe(claimSentence.end);
  });

  it('joins as looking up each claim’s paragraph afresh for every sentence does, on any layout', () => {
    const parts = fc.constantFrom('Завербовали сто заключённых.', 'Про це повідомляє «Медіазона».', 'Об этом сообщает «Сирена».', 'Шёл дождь.', '\n\n', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(parts, fc.nat({ max: 2 })), { minLength: 1, maxLength: 14 }), (layout) => {
        const text = layout.map(([part]) => part).join(' ');
        const sentences = splitSentences(text);
        // Up to two claims a sentence (a sentence may report two types).
        const claims = sentences.flatMap((s, i) => (ONLY.test(s.text) ? [] : Array.from({ length: layout[i]?.[1] ?? 0 }, () => claimOn(text, s, [], 'recruitment'))));
        const candidates = sentences.filter((s) => ONLY.test(s.text)).map((sentence) => ({ sentence, sources: [source('Сирена')] }));
        const linear = (offset: number) => sentences.find((s) => s.start <= offset && offset < s.end)?.paragraph ?? -1;
        expect(join(text, claims, candidates)).toEqual(joinByLookups(text, claims, candidates, linear));
      }),
    );
  });
});

/** What joinAttributionSentences did before it looked each claim's paragraph up once. */
function joinByLookups(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[], paragraphOf: (offset: number) => number): Claim[] {
  const out = claims.map((c) => ({ ...c }));
  for (const { sentence, sources } of candidates) {
    if (!ONLY.test(sentence.text)) continue;
    const before = out.filter((c) => c.end <= sentence.start && paragraphOf(c.start) === sentence.paragraph);
    const last = before.length ? Math.max(...before.map((c) => c.end)) : -1;
    for (const claim of before.filter((c) => c.end === last)) {
      claim.end = sentence.end;
      claim.quote = text.slice(claim.start, claim.end);
      claim.sources = [...claim.sources, ...sources.filter((s) => !claim.sources.some((c) => c.name === s.name))];
    }
  }
  return out;
}
