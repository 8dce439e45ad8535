import triggers from '../../../knowledge/lexicons/en/triggers.json' with { type: 'json' };
import prisonerWords from '../../../knowledge/lexicons/en/prisoner-words.json' with { type: 'json' };
import { wordsPattern } from '../provenance.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import { firstMatchAt } from '../scan.js';
import type { ClaimType, Span } from '../../../domain/types.js';

interface Trigger {
  type: ClaimType;
  re: RegExp;
  /** `re`, sticky: tried only where the prefilter saw one of its words start. */
  sticky: RegExp;
  weight: number;
  rule: string;
}

const TRIGGERS: Trigger[] = triggers.triggers.map((t, i) => {
  const re = wordsPattern([t.pattern], 'iu');
  return { type: t.type as ClaimType, re, sticky: new RegExp(re.source, `${re.flags}y`), weight: t.weight, rule: `en.type.${t.type}.${i}` };
});
/** Which triggers may match a sentence, so the others are not run. */
const PREFILTER = new LiteralPrefilter(triggers.triggers.map((t) => t.pattern));
const PRISONER = wordsPattern(prisonerWords.patterns, 'iu');

/** The patterns check their own word boundaries. */
const anyStart = (): boolean => true;

/** How strongly a sentence points at one claim type, and the strongest trigger that said so. */
export interface TypeScore {
  type: ClaimType;
  score: number;
  rule: string;
  /** Offset of the strongest trigger in the text. */
  at: number;
}

/** Scores each claim type for a sentence by the triggers it contains, strongest first. */
export function scoreTypes(text: string, range: Span): TypeScore[] {
  const sentence = text.slice(range.start, range.end);
  const scores = new Map<ClaimType, TypeScore & { best: number }>();
  const starts = PREFILTER.starts(sentence);
  for (const [i, t] of TRIGGERS.entries()) {
    const at = starts[i];
    if (at === undefined) continue;
    const m = at === null ? t.re.exec(sentence) : firstMatchAt(t.sticky, sentence, at, anyStart);
    if (!m) continue;
    const s = scores.get(t.type) ?? { type: t.type, score: 0, rule: t.rule, at: range.start + m.index, best: 0 };
    s.score += t.weight;
    if (t.weight > s.best) Object.assign(s, { best: t.weight, rule: t.rule, at: range.start + m.index });
    scores.set(t.type, s);
  }
  return [...scores.values()].map(({ best: _best, ...s }) => s).sort((a, b) => b.score - a.score || a.at - b.at);
}

/** True when the sentence speaks of prisoners, detainees, convicts or the places that hold them. */
export function mentionsPrisoners(text: string, range: Span): boolean {
  return PRISONER.test(text.slice(range.start, range.end));
}
