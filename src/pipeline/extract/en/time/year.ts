import words from '../../../../knowledge/lexicons/en/time-words.json' with { type: 'json' };
import type { TimeParser } from './time-types.js';
import { isoMonth, normal, phrases, type Anchor } from './calendar.js';
import { DIGIT_HINT } from './hints.js';
import { compilePattern } from '../../../../knowledge/text/compile-pattern.js';

const PARTS = new Map(words.yearParts.map((p) => [p.phrase, p.months]));
const PART_SOURCE = `${phrases(words.yearParts.map((p) => p.phrase))}|[Mm]id-`;
const PREPOSITIONS = phrases(words.yearPrepositions.words);
const YEAR = String.raw`(1[89]\d\d|20\d\d)(?![\d,.]\d|-\d|\s*(?:%|percent))`;

/** A part of a year: "late 2024", "early 2023", "mid-2023", "the end of 2023", "the end of last year", "earlier this year". */
export const yearPart: TimeParser = {
  rule: 'en.time.year-part',
  hint: /\d|year/,
  pattern: compilePattern(String.raw`\b(${PART_SOURCE})\s*(?:${YEAR}\b|(last|this)\s+year\b)`, 'gu'),
  extract(match, anchor) {
    const [whole, part, written, relative] = match;
    const months = PARTS.get(normal(part));
    if (!months || (!written && !anchor)) return null;
    const year = written ? Number(written) : anchor!.year - (relative === 'last' ? 1 : 0);
    // "earlier this year": never past the publication month.
    const last = !written && relative === 'this' ? Math.min(months[1], anchor!.month) : months[1];
    const span = { start: match.index, end: match.index + whole.length };
    return { span, start: isoMonth(year, months[0]), end: isoMonth(year, last), certainty: written ? 'stated' : 'implied' };
  },
};

/** A year after a preposition: "in 2023", "since 2014", "by 2022". A bare "2022" ("the 2022 law") is left alone. */
export const yearAlone: TimeParser = {
  rule: 'en.time.year',
  hint: DIGIT_HINT,
  pattern: compilePattern(String.raw`\b(${PREPOSITIONS})\s+(?:the\s+(?:year\s+)?)?${YEAR}\b`, 'gu'),
  extract(match) {
    const year = match[2];
    return { span: { start: match.index, end: match.index + match[0].length }, start: year, end: year, certainty: 'stated' };
  },
};

/** A relative year: "last year", "this year". */
export const relativeYear: TimeParser = {
  rule: 'en.time.relative-year',
  hint: /year/,
  pattern: /\b([Ll]ast|[Tt]his)\s+year\b(?!['’]s)/g,
  extract(match, anchor: Anchor | undefined) {
    if (!anchor) return null;
    const year = String(anchor.year - (normal(match[1]) === 'this' ? 0 : 1));
    return { span: { start: match.index, end: match.index + match[0].length }, start: year, end: year, certainty: 'implied' };
  },
};
