import type { Span } from '../../../../domain/types.js';
import type { TimeMention, TimeParser } from './time-types.js';
import { toAnchor } from './calendar.js';
import { dayMonthDate, isoDate, monthDayDate } from './date.js';
import { month } from './month.js';
import { relativeYear, yearAlone, yearPart } from './year.js';
import { relativeSeason, seasonOfYear } from './season.js';
import { ago, relativeDay, relativeMonth, relativeWeek, relativeWeekday } from './relative.js';
import { monthRange, yearRange } from './range.js';
import { extendSince } from './since.js';
import { dropBounds } from './bounded.js';
import { keepLongest } from '../count/overlap.js';

export type { TimeMention } from './time-types.js';

/** The time parsers, chrono-style; overlaps are settled by the longest match, so order does not matter. */
export const PARSERS: readonly TimeParser[] = [
  monthDayDate, dayMonthDate, isoDate, month, monthRange, yearRange, yearPart, yearAlone, relativeYear,
  seasonOfYear, relativeSeason, relativeDay, relativeWeekday, relativeWeek, relativeMonth, ago,
];

/**
 * The parsers' hints, each once, and which one each parser has (-1: none). Several parsers share
 * a hint (the month names, a digit): each is tested once a sentence, not once a parser.
 */
const HINTS: readonly RegExp[] = [...new Set(PARSERS.flatMap((parser) => (parser.hint ? [parser.hint] : [])))];
const HINT_OF: readonly number[] = PARSERS.map((parser) => (parser.hint ? HINTS.indexOf(parser.hint) : -1));
if (HINTS.length > 31) throw new Error('findTimes keeps its hints as bits of a number: at most 31');

/**
 * Finds the time expressions (GUIDE: time) in `text.slice(range.start, range.end)`, offsets into
 * `text`, in text order and non-overlapping. Relative expressions are resolved against `published`
 * (an ISO date; certainty `implied`) and never past it; without it they are declined.
 */
export function findTimes(text: string, range: Span | undefined, published?: string): TimeMention[] {
  const { start, end } = range ?? { start: 0, end: text.length };
  const anchor = toAnchor(published);
  const scope = text.slice(0, end);
  const found: TimeMention[] = [];
  const searched = text.slice(start, end);
  // Bit h of `tested`: hint h was tested on the sentence; of `present`: it was found there.
  let tested = 0;
  let present = 0;
  for (let p = 0; p < PARSERS.length; p++) {
    const parser = PARSERS[p];
    const hint = HINT_OF[p];
    if (hint >= 0) {
      const bit = 1 << hint;
      if ((tested & bit) === 0) {
        tested |= bit;
        if (HINTS[hint].test(searched)) present |= bit;
      }
      if ((present & bit) === 0) continue;
    }
    parser.pattern.lastIndex = start;
    let match: RegExpExecArray | null;
    while ((match = parser.pattern.exec(scope))) {
      const result = parser.extract(match, anchor);
      // Built field by field, in one order: parsers return their results in shapes of their own
      // (literals, spreads), and the refiners that read every mention are optimised for one.
      if (result) found.push({ span: result.span, text: text.slice(result.span.start, result.span.end), start: result.start, end: result.end, certainty: result.certainty, rule: parser.rule });
    }
  }
  // Most sentences name no time: the refiners would only copy an empty list around.
  if (found.length === 0) return [];
  // Refiners, in order: the longest reading first, then "since …" reaches to publication, then bounds go.
  return dropBounds(text, extendSince(text, keepLongest(found), anchor)).filter((m) => m.span.start >= start);
}
