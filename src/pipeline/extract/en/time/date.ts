import type { TimeParser } from './time-types.js';
import { MONTH_SOURCE, isoDay, lastDay, monthNumber, recentYear, type Anchor } from './calendar.js';
import { MONTH_HINT, DIGIT_HINT } from './hints.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DAY_RANGE = String.raw`${DAY}(?:\s*[-–]\s*${DAY})?(?!\d|:)`;
const YEAR = String.raw`(?:,?\s+(\d{4})\b)?`;

/** Resolves day (or day range) in a month; the year, when not written, is the most recent one not after publication. */
function resolve(anchor: Anchor | undefined, monthForm: string, day: string, toDay: string | undefined, year: string | undefined) {
  const month = monthNumber(monthForm);
  const first = Number(day);
  const last = toDay ? Number(toDay) : first;
  if (!month || (!year && !anchor)) return null;
  const y = year ? Number(year) : recentYear(anchor!, month, first);
  if (first < 1 || last < first || last > lastDay(y, month)) return null;
  return { start: isoDay(y, month, first), end: isoDay(y, month, last), certainty: year ? ('stated' as const) : ('implied' as const) };
}

/** A day, month first: "November 15, 2022", "Nov. 15", "July 28-29, 2022", "on Oct. 14" (year from publication). */
export const monthDayDate: TimeParser = {
  rule: 'en.time.date',
  hint: MONTH_HINT,
  pattern: compilePattern(String.raw`\b(${MONTH_SOURCE})\s*${DAY_RANGE}${YEAR}`, 'gu'),
  extract(match, anchor) {
    const found = resolve(anchor, match[1], match[2], match[3], match[4]);
    return found && { span: { start: match.index, end: match.index + match[0].length }, ...found };
  },
};

/** A day, day first: "15 November 2022", "04 October 2023", "31 May", "the 2nd of August". */
export const dayMonthDate: TimeParser = {
  rule: 'en.time.date',
  hint: MONTH_HINT,
  pattern: compilePattern(String.raw`(?<![\d.,])\b${DAY_RANGE}\s+(?:of\s+)?(${MONTH_SOURCE})${YEAR}`, 'gu'),
  extract(match, anchor) {
    const found = resolve(anchor, match[3], match[1], match[2], match[4]);
    return found && { span: { start: match.index, end: match.index + match[0].length }, ...found };
  },
};

/** An ISO date written in the text: "2022-11-15". */
export const isoDate: TimeParser = {
  rule: 'en.time.iso',
  hint: DIGIT_HINT,
  pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/g,
  extract(match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
    const iso = isoDay(year, month, day);
    return { span: { start: match.index, end: match.index + match[0].length }, start: iso, end: iso, certainty: 'stated' };
  },
};
