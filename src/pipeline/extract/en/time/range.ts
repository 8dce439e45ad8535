import type { TimeParser } from './time-types.js';
import { MONTH_SOURCE, isoMonth, monthNumber, recentYear } from './calendar.js';
import { MONTH_HINT, DIGIT_HINT } from './hints.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const YEAR = String.raw`(?:,?\s+(\d{4})\b)?`;

/**
 * A span of months: "between September and November 2022", "from May to July", "September and
 * October 2022", "from May 2022 to July 2023". A year written only at the end applies to both months.
 */
export const monthRange: TimeParser = {
  rule: 'en.time.month-range',
  hint: MONTH_HINT,
  pattern: compilePattern(
    String.raw`(?:\b(?:[Bb]etween|[Ff]rom)\s+)?\b(${MONTH_SOURCE})${YEAR}\s+(?:and|to|until|till|through)\s+(${MONTH_SOURCE})${YEAR}`,
    'gu',
  ),
  extract(match, anchor) {
    const [whole, firstForm, firstYear, lastForm, lastYear] = match;
    const first = monthNumber(firstForm);
    const last = monthNumber(lastForm);
    if (!first || !last || (!lastYear && !anchor)) return null;
    const endYear = lastYear ? Number(lastYear) : recentYear(anchor!, last);
    const startYear = firstYear ? Number(firstYear) : first <= last ? endYear : endYear - 1;
    if (startYear * 12 + first >= endYear * 12 + last) return null;
    const span = { start: match.index, end: match.index + whole.length };
    return { span, start: isoMonth(startYear, first), end: isoMonth(endYear, last), certainty: lastYear ? 'stated' : 'implied' };
  },
};

/** A span of years: "between 2022 and 2023", "from 2014 to 2022", "2022–2023", "2022-23". */
export const yearRange: TimeParser = {
  rule: 'en.time.year-range',
  hint: DIGIT_HINT,
  pattern: /(?:\b(?:[Bb]etween|[Ff]rom)\s+(19\d\d|20\d\d)\s+(?:and|to|until|till|through)\s+(19\d\d|20\d\d)|(?<![\d,.])\b(19\d\d|20\d\d)\s*[–-]\s*(\d\d|\d{4}))\b(?![-–]\d)/g,
  extract(match) {
    const from = Number(match[1] ?? match[3]);
    const raw = match[2] ?? match[4];
    const to = Number(raw.length === 2 ? String(from).slice(0, 2) + raw : raw);
    if (to <= from || to - from > 50) return null;
    return { span: { start: match.index, end: match.index + match[0].length }, start: String(from), end: String(to), certainty: 'stated' };
  },
};
