import type { ClaimType, Span } from '../../../domain/types.js';
import { findWord, startsWord, type CyrillicLanguage, type CyrillicText } from './language.js';
import { firstMatchAt } from '../scan.js';

/** How strongly a sentence points at one claim type, and the strongest trigger that said so. */
export interface TypeScore {
  type: ClaimType;
  score: number;
  rule: string;
  at: number;
}

/** Scores each claim type for a sentence by the triggers it contains, strongest first. */
export function scoreTypes(language: CyrillicLanguage, doc: CyrillicText, range: Span): TypeScore[] {
  const sentence = doc.norm.slice(range.start, range.end);
  const scores = new Map<ClaimType, TypeScore & { best: number }>();
  const starts = language.triggerFilter.starts(sentence);
  for (const [i, t] of language.triggers.entries()) {
    const at = starts[i];
    if (at === undefined) continue;
    const m = at === null ? findWord(t.re, sentence) : firstMatchAt(t.sticky, sentence, at, startsWord);
    if (!m) continue;
    const s = scores.get(t.type) ?? { type: t.type, score: 0, rule: t.rule, at: range.start + m.index, best: 0 };
    s.score += t.weight;
    if (t.weight > s.best) Object.assign(s, { best: t.weight, rule: t.rule, at: range.start + m.index });
    scores.set(t.type, s);
  }
  return [...scores.values()].map(({ best: _best, ...s }) => s).sort((a, b) => b.score - a.score || a.at - b.at);
}

/** True when the sentence speaks of prisoners, convicts, detainees or the places that hold them. */
export function mentionsPrisoners(language: CyrillicLanguage, doc: CyrillicText, range: Span): boolean {
  const sentence = doc.norm.slice(range.start, range.end);
  return language.prisonerFilter.candidates(sentence)[0] && findWord(language.prisoner, sentence) !== null;
}
