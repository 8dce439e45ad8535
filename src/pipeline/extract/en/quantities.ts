import type { ClaimType, CountValue, Span, TimeValue } from '../../../domain/types.js';
import { findCounts, type CountMention } from './count/count.js';
import { findTimes } from './time/time.js';
import type { TimeMention } from './time/time-types.js';
import { firstMatchWhere } from '../scan.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** Nouns that make a number a number of people. */
const PEOPLE = /^(?:prisoners?|inmates?|convicts?|people|persons?|women|men|detainees?|citizens?|civilians?|pows?|prisoners of war|recruits?|volunteers?|ukrainians?|russians?|captives?|servicemen|soldiers|fighters|mercenaries|criminals|individuals|children|of them|them|these|those|female|male|ukrainian|russian|former|convicted|more|others?)$/iu;
const CHANGE = /(?:went down|fell|dropped|declined|decreased|shrank|shrunk|reduced|plummeted|increased|rose|grew|went up)(?: \w+){0,2} (by|to)\s*$/iu;

/** The count of a claim and, for population, whether the count is a change. */
export interface CountReading {
  count: CountValue;
  change?: 'decrease' | 'increase';
}

export function readCount(
  text: string,
  sentence: Span,
  type: ClaimType,
  { except, mentions = findCounts(text, sentence) }: { except?: Span; mentions?: readonly CountMention[] } = {},
): CountReading | undefined {
  // A whole the claim is a part of ("out of 50,000 recruited") is its own claim's count (readWhole),
  // and those who survived are no count of the dead ("only 10,000 remain alive").
  const counts = mentions.filter((c) => c.span.start !== except?.start && !(type === 'death' && SURVIVORS.test(text.slice(c.span.end, Math.min(sentence.end, c.span.end + 60)))));
  const people = counts.filter((c) => c.vague || !c.head || PEOPLE.test(c.head.word.split(/\s+/u)[0] ?? ''));
  for (const c of people) {
    const before = text.slice(Math.max(sentence.start, c.span.start - 40), c.span.start);
    const change = before.match(CHANGE);
    if (type === 'population' && change) {
      const decrease = /down|fell|dropped|declined|decreased|shrank|shrunk|reduced|plummeted/iu.test(change[0]);
      return { count: toValue(c), change: decrease ? 'decrease' : 'increase' };
    }
  }
  // A change in the prison population ("went down by 23,000") counts for the population claim only.
  const own = type === 'population' ? people : people.filter((c) => !CHANGE.test(text.slice(Math.max(sentence.start, c.span.start - 40), c.span.start)));
  // A number of people ("2,500 Ukrainian citizens") wins over a bare number ("three prison colonies").
  // Outside population figures, a number with no people noun ("10 colonies", "166") is too often not a head count.
  const ofThem = (c: CountMention) => /^ of (?:them|these|those|the (?:\w+ )?(?:prisoners|inmates|convicts|recruits|women|men))\b/u.test(text.slice(c.span.end, c.span.end + 30));
  const first = own.find((c) => !c.vague && (c.head || ofThem(c) || DONE_TO_PEOPLE.test(text.slice(c.span.end, c.span.end + 40)))) ?? (type === 'population' ? own.find((c) => !c.vague) : undefined) ?? own.find((c) => c.vague);
  if (!first) return undefined;
  const population = type === 'population' ? populationChange(text, sentence) : undefined;
  return { count: toValue(first), ...(population ? { change: population } : {}) };
}

/** Survivors counted: "10,000 prisoners remain alive", "only 40 of them survived". */
const SURVIVORS = /^(?: [\p{L}’'-]+){0,4}? (?:remain(?:ed|s)? alive|(?:are|were|is|was) still alive|survived|came back alive|returned alive)\b/u;

/**
 * The whole a sentence's claim is a part of, as a claim of its own (GUIDE: two counts, two claims):
 * "only 10,000 remain alive out of 50,000 recruited by Wagner" also reports 50,000 recruited;
 * "Out of 200 volunteers, 40 were enrolled" reports 200 who volunteered. The type is what was done
 * to the whole: the word after its number (and up to two more), or its people noun.
 */
export function readWhole(text: string, sentence: Span, mentions: readonly CountMention[] = findCounts(text, sentence)): { type: ClaimType; count: CountValue; span: Span } | undefined {
  for (const c of mentions) {
    if (c.vague || !WHOLE_BEFORE.test(text.slice(Math.max(sentence.start, c.span.start - 12), c.span.start))) continue;
    const after = WHOLE_AFTER.exec(text.slice(c.span.end, Math.min(sentence.end, c.span.end + 50)));
    const word = (after?.[1] ?? c.head?.word ?? '').toLowerCase();
    const type = WHOLE_TYPES.find(([re]) => re.test(word))?.[1];
    if (type) return { type, count: toValue(c), span: c.span };
  }
  return undefined;
}

/** "out of 50,000", "Of the 200": a whole its part is counted against. */
const WHOLE_BEFORE = /(?:\b[Oo]ut of|\b[Oo]f the|^Of|\bfrom among)\s+$/u;
/** The participle or noun after the whole's number, past at most two words ("50,000 Russian convicts recruited"). */
const WHOLE_AFTER = /^(?: [\p{L}’'-]+){0,2}? (recruited|recruits|volunteers|volunteered|enlisted|mobili[sz]ed|signed up|transferred|deported|released|pardoned|detained|arrested|captured)\b/u;
const WHOLE_TYPES: [RegExp, ClaimType][] = [
  [/^(?:recruited|recruits|volunteers|volunteered|enlisted|mobili[sz]ed|signed up)$/u, 'recruitment'],
  [/^(?:transferred|deported)$/u, 'transfer'],
  [/^(?:released|pardoned)$/u, 'release'],
  [/^(?:detained|arrested|captured)$/u, 'detention'],
];

/** "100 thousand were sent to war": a bare number that something is done to, as only to people. */
const DONE_TO_PEOPLE = /^ (?:(?:were|are|have been|had been|will be) (?:\w+ )?(?:sent|recruited|killed|released|transferred|moved|taken|pardoned|deported|detained|mobili[sz]ed|freed|enlisted|captured|executed)|(?:died|signed up|joined|enlisted))\b/u;

/** "had not decreased": a change denied is no change. */
const DENIED = /\b(?:not|n[’']t)\s$/u;

/** Whether the sentence tells of the population going down or up ("23 thousand people disappeared from colonies"). */
export function populationChange(text: string, sentence: Span): 'decrease' | 'increase' | undefined {
  const s = text.slice(sentence.start, sentence.end);
  const decrease = /(?:went down|fell|dropped|declin|decreas|shr[iau]nk|reduc|plummet|halved|emptied|closed|disappeared from)/iu.exec(s);
  if (decrease && !DENIED.test(s.slice(Math.max(0, decrease.index - 5), decrease.index))) return 'decrease';
  const increase = /(?:increas|rose|grew|went up)/iu.exec(s);
  if (increase && !DENIED.test(s.slice(Math.max(0, increase.index - 5), increase.index))) return 'increase';
  return undefined;
}

export function toValue(c: CountMention): CountValue {
  const out: CountValue = { span: { start: c.span.start, end: c.span.end }, text: c.text, rule: c.rule, certainty: c.certainty };
  // Only the fields the mention has (a copy, so later edits to the claim never reach the mention).
  if (c.value !== undefined) out.value = c.value;
  if (c.min !== undefined) out.min = c.min;
  if (c.max !== undefined) out.max = c.max;
  if (c.approximate !== undefined) out.approximate = c.approximate;
  if (c.vague !== undefined) out.vague = c.vague;
  return out;
}

/** Attribution verbs followed by what was said: times after them date the event, not the statement (starting a word: firstMatchWhere checks). */
const SAID_THAT = compilePattern(String.raw`(?:said|reported|told [^,.]{1,40}?|says|claimed|stated|announced|noted|wrote|found|revealed)(?: on [^,.]{1,20}?)? that(?![\p{L}])`, 'gu');

/** "Before the outbreak of war in February 2022": the time dates the other event, and "before the war" gives no time (GUIDE: Partial time). */
const BEFORE_EVENT = compilePattern(String.raw`\b(?:[Bb]efore|[Pp]rior to) (?:the |a |an )?(?:[\p{L}-]+ ){1,4}(?:(?:in|of|on) )?$`, 'u');

/**
 * The time of a claim (GUIDE: Event time vs statement time): the first time after "X said that", else
 * the first time in the sentence; a publication time ("in an update published on Monday") is no event time, nor
 * the time of an event the claim came before ("before the invasion in February 2022").
 */
export function readTime(text: string, sentence: Span, published: string | undefined): TimeValue | undefined {
  const times = findTimes(text, sentence, published).filter(
    (t) =>
      !/\bpublished (?:on |in )?$/u.test(text.slice(Math.max(sentence.start, t.span.start - 16), t.span.start)) &&
      !BEFORE_EVENT.test(text.slice(Math.max(sentence.start, t.span.start - 48), t.span.start)),
  );
  if (!times.length) return undefined;
  const said = firstMatchWhere(SAID_THAT, text.slice(sentence.start, sentence.end));
  const after = said ? sentence.start + (said.index ?? 0) + said[0].length : sentence.end;
  const chosen = times.find((t) => t.span.start >= after) ?? times[0];
  return toTimeValue(chosen);
}

/** A time mention as a claim's time value. */
export function toTimeValue(t: TimeMention): TimeValue {
  return { span: t.span, text: t.text, rule: t.rule, certainty: t.certainty, start: t.start, end: t.end };
}
