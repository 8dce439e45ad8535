import type { Claim, NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';
import { isWhiteSpaceUnit } from '../../../knowledge/text/characters.js';

/** Sentence shapes that only name the source of the statement before them (GUIDE: Attribution). */
export const ONLY_ATTRIBUTION =
  /^(?:Sources?\s*:|This was (?:reported|told|said|stated|announced|revealed|written)\b|(?:This|The) (?:information|data|news|report|publication|claim)s? (?:was|were|is|cites?|cited|came|comes)\b|The (?:\w+ )?(?:report|publication|outlet|newspaper|agency) (?:cites?|cited|refers|referred)\b|The information was revealed by\b)/iu;

/**
 * Joins a sentence that only names a source ("This was reported by Sirena", "Source: Mediazona") to the
 * claims of the sentence just before it: their quote runs over both and they take its sources.
 *
 * Claims and sentences come in reading order, as the extractor makes them, so the claims' ends
 * never decrease (a joined claim ends where the next claim's sentence has not begun): the claims
 * that end by a sentence's start are a run from the first, which only grows, and those that end
 * last the tail of that run. One pass for the whole report, where a look through every claim, and a
 * copy of the text between each and the sentence, made long reports cubic.
 */
export function joinAttributionSentences(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[]): Claim[] {
  const out = claims.map((c) => ({ ...c }));
  let ended = 0;
  for (const { sentence, sources } of candidates) {
    while (ended < out.length && out[ended].end <= sentence.start) ended++;
    if (!ONLY_ATTRIBUTION.test(sentence.text) || ended === 0) continue;
    const last = out[ended - 1].end;
    // Only white space between the claim and the sentence.
    if (last < whiteSpaceBefore(text, sentence.start)) continue;
    for (let i = ended - 1; i >= 0 && out[i].end === last; i--) joinTo(text, out[i], sentence, sources);
  }
  return out;
}

/** Runs `claim` on to the end of `sentence`, adding the sources it names. */
function joinTo(text: string, claim: Claim, sentence: Sentence, sources: NamedValue[]): void {
  claim.end = sentence.end;
  claim.quote = text.slice(claim.start, claim.end);
  claim.sources = [...claim.sources, ...sources.filter((s) => !claim.sources.some((c) => c.name === s.name))];
}

/** Where the white space that ends at `at` starts (`at` when there is none). */
function whiteSpaceBefore(text: string, at: number): number {
  let from = at;
  while (from > 0 && isWhiteSpaceUnit(text.charCodeAt(from - 1))) from--;
  return from;
}
