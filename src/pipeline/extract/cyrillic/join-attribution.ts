import type { Claim, NamedValue } from '../../../domain/types.js';
import type { Sentence } from '../../segment/sentences.js';

/**
 * Joins a sentence that only names a source ("Об этом сообщает «Сирена»", "Про це йдеться у …") to
 * the claims before it in the same paragraph (GUIDE: Attribution): their quote runs over both and
 * they take its sources. As refine/join-attribution.ts, with the language's pattern for such sentences.
 *
 * Claims and sentences come in reading order, as the extractor makes them, so the claims' ends
 * and paragraphs never decrease: the claims that end by a sentence's start are a run from the
 * first, which only grows, and the last of them ends latest. One pass for the whole report, where
 * a look through every claim (and a search for each one's paragraph) made long reports cubic.
 */
export function joinAttributionSentences(text: string, claims: Claim[], candidates: { sentence: Sentence; sources: NamedValue[] }[], only: RegExp, paragraphOf: (offset: number) => number): Claim[] {
  const out = claims.map((c) => ({ ...c }));
  // A claim's start never moves: its paragraph is looked up once.
  const paragraphs = out.map((c) => paragraphOf(c.start));
  let ended = 0;
  for (const { sentence, sources } of candidates) {
    while (ended < out.length && out[ended].end <= sentence.start) ended++;
    if (!only.test(sentence.text) || ended === 0 || paragraphs[ended - 1] !== sentence.paragraph) continue;
    const last = out[ended - 1].end;
    for (let i = ended - 1; i >= 0 && out[i].end === last && paragraphs[i] === sentence.paragraph; i--) {
      const claim = out[i];
      claim.end = sentence.end;
      claim.quote = text.slice(claim.start, claim.end);
      claim.sources = [...claim.sources, ...sources.filter((s) => !claim.sources.some((c) => c.name === s.name))];
    }
  }
  return out;
}
