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
  // A short list of scores with each one's strongest weight beside it, and an indexed loop:
  // `triggers.entries()`, a Map, Object.assign and an object rest made scoreTypes the largest
  // allocator of the Cyrillic extraction (about 16 KB a Russian report).
  const scores: TypeScore[] = [];
  const best: number[] = [];
  const starts = language.triggerFilter.starts(sentence);
  for (let i = 0; i < language.triggers.length; i++) {
    const at = starts[i];
    if (at === undefined) continue;
    const t = language.triggers[i];
    const m = at === null ? findWord(t.re, sentence) : firstMatchAt(t.sticky, sentence, at, startsWord);
    if (!m) continue;
    const negation = t.negatable ? language.context.negationAt(t.type, sentence, m.index) : undefined;
    if (negation === 'denied') continue;
    // An event that will not or cannot happen is a rule about it: its trigger speaks for policy.
    const type = negation === 'ruled' ? 'policy' : t.type;
    const rule = negation === 'ruled' ? `${t.rule}.ruled-out` : t.rule;
    let k = scores.findIndex((s) => s.type === type);
    if (k < 0) k = scores.push({ type, score: 0, rule, at: range.start + m.index }) - 1;
    const s = scores[k];
    s.score += t.weight;
    if (t.weight > (best[k] ?? 0)) {
      best[k] = t.weight;
      s.rule = rule;
      s.at = range.start + m.index;
    }
  }
  return scores.sort((a, b) => b.score - a.score || a.at - b.at);
}

/**
 * The scores of the types whose strongest trigger comes before any open-question frame: "Сегодня
 * мы рассказываем о том, как …" says what a report looks into, not a fact it states.
 */
export function beforeOpenQuestion(language: CyrillicLanguage, doc: CyrillicText, scores: TypeScore[], range: Span): TypeScore[] {
  return language.context.beforeOpenQuestion(scores, doc.norm.slice(range.start, range.end), range.start);
}

/** True when the sentence speaks of prisoners, convicts, detainees or the places that hold them. */
export function mentionsPrisoners(language: CyrillicLanguage, doc: CyrillicText, range: Span): boolean {
  const sentence = doc.norm.slice(range.start, range.end);
  return language.prisonerFilter.candidates(sentence)[0] && findWord(language.prisoner, sentence) !== null;
}
