import triggers from '../../../knowledge/lexicons/en/triggers.json' with { type: 'json' };
import prisonerWords from '../../../knowledge/lexicons/en/prisoner-words.json' with { type: 'json' };
import { wordsPattern } from '../provenance.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import { compileOnFirstUse } from '../machine-code.js';
import type { ClaimType, Span } from '../../../domain/types.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';
import { isNegatable, TriggerContext } from '../trigger-context.js';

interface Trigger {
  type: ClaimType;
  re: RegExp;
  /** `re`, sticky: tried only where the prefilter saw one of its words start. */
  sticky: RegExp;
  weight: number;
  rule: string;
  /** Whether a negation right before it denies it (see TriggerContext.negationAt). */
  negatable: boolean;
}

const TRIGGERS: Trigger[] = triggers.triggers.map((t, i) => {
  const re = wordsPattern([t.pattern], 'iu');
  const type = t.type as ClaimType;
  return { type, re, sticky: compilePattern(re.source, `${re.flags}y`), weight: t.weight, rule: `en.type.${t.type}.${i}`, negatable: isNegatable(type) };
});
/** Which triggers may match a sentence, so the others are not run. */
const PREFILTER = new LiteralPrefilter(triggers.triggers.map((t) => t.pattern));
const PRISONER = wordsPattern(prisonerWords.patterns, 'iu');
/** Negations and open-question frames around the triggers. */
const CONTEXT = new TriggerContext(triggers);

/**
 * Where sticky `re` first matches `sentence` at one of `starts`, or -1: what firstMatchAt finds
 * (the patterns check their own word boundaries), by `test`, which builds no match array.
 */
function firstStart(re: RegExp, sentence: string, starts: readonly number[]): number {
  compileOnFirstUse(re, sentence);
  for (const at of starts) {
    re.lastIndex = at;
    if (re.test(sentence)) return at;
  }
  return -1;
}

/** How strongly a sentence points at one claim type, and the strongest trigger that said so. */
export interface TypeScore {
  type: ClaimType;
  score: number;
  rule: string;
  /** Offset of the strongest trigger in the text. */
  at: number;
}

/**
 * Scores each claim type for a sentence by the triggers it contains, strongest first. An indexed
 * loop over mutable per-type records, and sticky tests rather than match arrays: with
 * `TRIGGERS.entries()`, a Map and spread records this allocated ~54 KB a report, the most of any
 * function in the pipeline, and took ~14% longer (sentence micro-benchmark).
 */
export function scoreTypes(text: string, range: Span): TypeScore[] {
  const sentence = text.slice(range.start, range.end);
  const scores: (TypeScore & { best: number })[] = [];
  const starts = PREFILTER.starts(sentence);
  for (let i = 0; i < TRIGGERS.length; i++) {
    const at = starts[i];
    if (at === undefined) continue;
    const t = TRIGGERS[i];
    const index = at === null ? (t.re.exec(sentence)?.index ?? -1) : firstStart(t.sticky, sentence, at);
    if (index < 0) continue;
    const negation = t.negatable ? CONTEXT.negationAt(t.type, sentence, index) : undefined;
    if (negation === 'denied') continue;
    // An event that will not or cannot happen is a rule about it: its trigger speaks for policy.
    const type = negation === 'ruled' ? 'policy' : t.type;
    const rule = negation === 'ruled' ? `${t.rule}.ruled-out` : t.rule;
    // Records in the order their type first matched, as the Map kept them: the sort is stable.
    let s = scores.find((x) => x.type === type);
    if (!s) scores.push((s = { type, score: 0, rule, at: range.start + index, best: 0 }));
    s.score += t.weight;
    if (t.weight > s.best) {
      s.best = t.weight;
      s.rule = rule;
      s.at = range.start + index;
    }
  }
  return scores.map((s) => ({ type: s.type, score: s.score, rule: s.rule, at: s.at })).sort((a, b) => b.score - a.score || a.at - b.at);
}

/**
 * The scores of the types whose strongest trigger comes before any open-question frame: "Bumaga
 * found out why these women agreed to go to war" says what a report looks into, not a fact it states.
 */
export function beforeOpenQuestion(scores: TypeScore[], text: string, range: Span): TypeScore[] {
  return CONTEXT.beforeOpenQuestion(scores, text.slice(range.start, range.end), range.start);
}

/** True when the sentence speaks of prisoners, detainees, convicts or the places that hold them. */
export function mentionsPrisoners(text: string, range: Span): boolean {
  return PRISONER.test(text.slice(range.start, range.end));
}
