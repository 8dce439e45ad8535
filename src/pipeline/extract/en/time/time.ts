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
  for (const parser of PARSERS) {
    if (parser.hint && !parser.hint.test(searched)) continue;
    parser.pattern.lastIndex = start;
    let match: RegExpExecArray | null;
    while ((match = parser.pattern.exec(scope))) {
      const result = parser.extract(match, anchor);
      if (result) found.push({ ...result, text: text.slice(result.span.start, result.span.end), rule: parser.rule });
    }
  }
  // Refiners, in order: the longest reading first, then "since …" reaches to publication, then bounds go.
  return dropBounds(text, extendSince(text, keepLongest(found), anchor)).filter((m) => m.span.start >= start);
}
