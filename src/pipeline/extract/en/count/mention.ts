import type { CountMention } from './count-types.js';
import { findHead } from './head.js';
import { parseNumber, type ParsedNumber } from './number.js';
import { isNotACount } from './context.js';

/** How far after a count its people noun may be looked for. */
const HEAD_WINDOW = 60;

/**
 * Reads the number `raw` written at [start, end), declining a non-count (measure, label, date) or a
 * year with no people noun. Inside a range ("40-50") each side skips the check that faces the other.
 */
export function readNumber(
  text: string,
  raw: string,
  start: number,
  end: number,
  side: 'alone' | 'low' | 'high' = 'alone',
): { number: ParsedNumber; head?: CountMention['head'] } | null {
  const number = parseNumber(raw);
  if (!number || isNotACount(text, side === 'high' ? -1 : start, side === 'low' ? -1 : end)) return null;
  const head = findHead(text, end, Math.min(text.length, end + HEAD_WINDOW));
  // "in 2022" is a year; "2000 prisoners" is a count.
  if (number.yearLike && !(head && head.span.start === end + 1)) return null;
  return { number, head };
}

/** Builds a mention for `text.slice(start, end)`, leaving out an absent head. */
export function mention(text: string, start: number, end: number, rule: string, fields: Partial<CountMention>): CountMention {
  const found: CountMention = { span: { start, end }, text: text.slice(start, end), rule, certainty: 'stated', ...fields };
  if (!found.head) delete found.head;
  return found;
}
