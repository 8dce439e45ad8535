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
    const negation = NEGATABLE.has(t.type) ? negationAt(sentence, m.index) : undefined;
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
 * A verb negated right before it, with only auxiliaries and adverbs between: "не завербовали",
 * "не были освобождены", "не було звільнено" (denied), or with a modal or future between: "не будут
 * помилованы", "не можуть бути звільнені", "нельзя освободить" (ruled: a rule about it). Not "не
 * только" / "не лише", which add rather than deny. Group 1 holds a modal negation.
 */
const NEGATION_BEFORE =
  /(?<![\p{L}\p{M}])(?:((?:не|ні)\s+(?:будут|будет|смогут|сможет|могут|может|должны|должен|будуть|буде|зможуть|зможе|можуть|може|повинні|мають)(?:\s+(?:быть|бути))?|нельзя|невозможно|неможливо|не можна)|не|ни|ні)\s+(?:(?:был|была|были|было|був|була|були|було|бы|б|еще|ещё|ще|уже|вже|никогда|ніколи|сразу|одразу)\s+)*$/iu;
/** How far back a negation is looked for: the negator and a few short words. */
const NEGATION_REACH = 48;

/** Types whose triggers a negation denies; policy and population keep theirs (a rule or a level said with "not" is still one). */
const NEGATABLE = new Set<ClaimType>(['recruitment', 'transfer', 'release', 'abuse', 'death', 'detention']);

/** Whether the trigger at `at` of `sentence` is negated: `denied`, `ruled` (will not, cannot: a rule), or not at all. */
function negationAt(sentence: string, at: number): 'denied' | 'ruled' | undefined {
  if (at === 0) return undefined;
  const m = NEGATION_BEFORE.exec(sentence.slice(Math.max(0, at - NEGATION_REACH), at));
  if (!m) return undefined;
  return m[1] ? 'ruled' : 'denied';
}

/** True when the sentence speaks of prisoners, convicts, detainees or the places that hold them. */
export function mentionsPrisoners(language: CyrillicLanguage, doc: CyrillicText, range: Span): boolean {
  const sentence = doc.norm.slice(range.start, range.end);
  return language.prisonerFilter.candidates(sentence)[0] && findWord(language.prisoner, sentence) !== null;
}
