import type { Claim, NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';

/**
 * Joins a sentence that only names a source ("Об этом сообщает «Сирена»", "Про це йдеться у …") to
 * the claims before it in the same paragraph (GUIDE: Attribution): their quote runs over both and
 * they take its sources. As refine/join-attribution.ts, with the language's pattern for such sentences.
 */
export function joinAttributionSentences(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[], only: RegExp, paragraphOf: (offset: number) => number): Claim[] {
  const out = claims.map((c) => ({ ...c }));
  for (const { sentence, sources } of candidates) {
    if (!only.test(sentence.text)) continue;
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
