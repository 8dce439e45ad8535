import type { ClaimType, CountValue, NamedValue, Span, TimeValue } from '../../../domain/types.js';
import { findCounts, type CountMention } from './count/count.js';

/** Nouns that make a number a number of people. */
const PEOPLE = /^(?:prisoners?|inmates?|convicts?|people|persons?|women|men|detainees?|citizens?|civilians?|pows?|prisoners of war|recruits?|volunteers?|ukrainians?|russians?|captives?|servicemen|soldiers|fighters|mercenaries|criminals|individuals|children|of them|female|male|ukrainian|russian|former|convicted|more|others?)$/iu;
const CHANGE = /(?:went down|fell|dropped|declined|decreased|shrank|shrunk|reduced|plummeted|increased|rose|grew|went up)(?: \w+){0,2} (by|to)\s*$/iu;

/** The count of a claim and, for population, whether the count is a change. */
export function readCount(text: string, sentence: Span, type: ClaimType): { count: CountValue; change?: 'decrease' | 'increase' } | undefined {
  const counts = findCounts(text, sentence);
  const people = counts.filter((c) => c.vague || !c.head || PEOPLE.test(c.head.word.split(/\s+/u)[0] ?? ''));
  for (const c of people) {
    const before = text.slice(Math.max(sentence.start, c.span.start - 40), c.span.start);
    const change = before.match(CHANGE);
    if (type === 'population' && change) {
      const decrease = /down|fell|dropped|declined|decreased|shrank|shrunk|reduced|plummeted/iu.test(change[0]);
      return { count: toValue(c), change: decrease ? 'decrease' : 'increase' };
    }
  }
  const first = people.find((c) => !c.vague) ?? people[0];
  if (!first) return undefined;
  const population = type === 'population' ? populationChange(text, sentence) : undefined;
  return { count: toValue(first), ...(population ? { change: population } : {}) };
}

function populationChange(text: string, sentence: Span): 'decrease' | 'increase' | undefined {
  const s = text.slice(sentence.start, sentence.end);
  if (/(?:went down|fell|dropped|declin|decreas|shr[iau]nk|reduc|plummet|halved|emptied|closed)/iu.test(s)) return 'decrease';
  if (/(?:increas|rose|grew|went up)/iu.test(s)) return 'increase';
  return undefined;
}

function toValue(c: CountMention): CountValue {
  const { span, text, rule, certainty, value, min, max, approximate, vague } = c;
  return JSON.parse(JSON.stringify({ span, text, rule, certainty, value, min, max, approximate, vague })) as CountValue;
}

/** The time of a claim: the first time outside the attribution, else the statement's time. PLACEHOLDER until time parsers land. */
export function readTime(text: string, sentence: Span, published: string | undefined, sources: NamedValue[]): TimeValue | undefined {
  void text;
  void sentence;
  void published;
  void sources;
  return undefined;
}
