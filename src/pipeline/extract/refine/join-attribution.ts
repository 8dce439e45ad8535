import type { Claim, NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';

/** Sentence shapes that only name the source of the statement before them (GUIDE: Attribution). */
export const ONLY_ATTRIBUTION =
  /^(?:Sources?\s*:|This was (?:reported|told|said|stated|announced|revealed|written)\b|(?:This|The) (?:information|data|news|report|publication|claim)s? (?:was|were|is|cites?|cited|came|comes)\b|The (?:\w+ )?(?:report|publication|outlet|newspaper|agency) (?:cites?|cited|refers|referred)\b|The information was revealed by\b)/iu;

/**
 * Joins a sentence that only names a source ("This was reported by Sirena", "Source: Mediazona") to the
 * claims of the sentence just before it: their quote runs over both and they take its sources.
 */
export function joinAttributionSentences(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[]): Claim[] {
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
