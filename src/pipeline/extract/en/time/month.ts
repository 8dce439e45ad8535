import words from '../../../../knowledge/lexicons/en/time-words.json' with { type: 'json' };
import type { TimeParser } from './time-types.js';
import { MONTH_SOURCE, isoDay, isoMonth, lastDay, monthNumber, normal, phrases, recentYear, shiftDays } from './calendar.js';
import { MONTH_HINT } from './hints.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const PARTS = new Map(words.monthParts.map((p) => [p.phrase, p.days]));
const PREPOSITIONS = phrases(words.monthPrepositions.words);
// "mid-August": the hyphen form is tried after the spaced one.
const PART_SOURCE = `${phrases(words.monthParts.map((p) => p.phrase))}|[Mm]id-`;

/**
 * A month: "May 2023", "in May", "late September 2024", "early November", "in November last year",
 * "last September", "Earlier in November", "the first half of July". A bare month name needs a
 * preposition or a part ("May" is also a verb); a missing year comes from publication (implied).
 * A month followed by a day number is left to the date parsers.
 */
export const month: TimeParser = {
  rule: 'en.time.month',
  hint: MONTH_HINT,
  pattern: compilePattern(
    String.raw`(?:\b(${PREPOSITIONS})\s+)?(?:\b(?:at\s+)?(${PART_SOURCE})\s*)?\b(${MONTH_SOURCE})(?:,?\s+(?:of\s+)?(\d{4})\b|\s+(?:of\s+)?(last|this)\s+year\b|(?!\s*\d))`,
    'gu',
  ),
  extract(match, anchor) {
    const [whole, preposition, part, monthForm, year, relativeYear] = match;
    const number = monthNumber(monthForm);
    if (!number || (!preposition && !part && !year && !relativeYear)) return null;
    if (!year && !anchor) return null;
    const prep = preposition ? normal(preposition) : '';
    // "last September" in September means the previous one; otherwise the most recent one not after publication.
    const y = year
      ? Number(year)
      : relativeYear
        ? anchor!.year - (relativeYear === 'last' ? 1 : 0)
        : prep === 'last' && number === anchor!.month
          ? anchor!.year - 1
          : recentYear(anchor!, number);
    // The span keeps a preposition only when it was needed to read the month as a time.
    const start = match.index + (preposition && (part || year || relativeYear) ? whole.indexOf(part ?? monthForm, preposition.length) : 0);
    const span = { start, end: match.index + whole.length };
    const certainty = year ? ('stated' as const) : ('implied' as const);
    const days = part ? PARTS.get(normal(part)) : 'month';
    if (Array.isArray(days)) {
      return { span, start: isoDay(y, number, days[0]), end: isoDay(y, number, Math.min(days[1], lastDay(y, number))), certainty };
    }
    if (days === 'before-publication' && anchor && anchor.year === y && anchor.month === number) {
      // "Earlier in November" in a report of November 30: up to the day before publication.
      return { span, start: isoDay(y, number, 1), end: anchor.day > 1 ? shiftDays(anchor, -1) : isoDay(y, number, 1), certainty };
    }
    return { span, start: isoMonth(y, number), end: isoMonth(y, number), certainty };
  },
};
